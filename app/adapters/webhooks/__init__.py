"""Webhook delivery's driven adapters: the signed POST and the in-process dispatcher."""
