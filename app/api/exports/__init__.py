"""Every list as a document a spreadsheet or a BI tool opens: CSV and Parquet."""
