from typing import Literal

ListWebhookDeliveriesFormat = Literal["csv", "json", "parquet"]

LIST_WEBHOOK_DELIVERIES_FORMAT_VALUES: set[ListWebhookDeliveriesFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_webhook_deliveries_format(value: str) -> ListWebhookDeliveriesFormat:
    if value in LIST_WEBHOOK_DELIVERIES_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_WEBHOOK_DELIVERIES_FORMAT_VALUES!r}"
    )
