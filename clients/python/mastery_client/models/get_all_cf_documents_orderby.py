from typing import Literal

GetAllCfDocumentsOrderby = Literal["asc", "desc"]

GET_ALL_CF_DOCUMENTS_ORDERBY_VALUES: set[GetAllCfDocumentsOrderby] = {
    "asc",
    "desc",
}


def check_get_all_cf_documents_orderby(value: str) -> GetAllCfDocumentsOrderby:
    if value in GET_ALL_CF_DOCUMENTS_ORDERBY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_ALL_CF_DOCUMENTS_ORDERBY_VALUES!r}"
    )
