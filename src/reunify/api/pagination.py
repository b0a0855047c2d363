"""Page-numbered lists, the same shape for every collection the API returns."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from ninja import Field, Schema

from reunify.api.inputs import WholeNumber

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 200


class PageQuery(Schema):
    page: WholeNumber = Field(1, ge=1, le=1_000_000, description="1 for the first page")
    page_size: WholeNumber = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def page_of(queryset: QuerySet[Any], query: PageQuery) -> dict[str, Any]:
    paginator = Paginator(queryset, query.page_size)
    page = paginator.page(min(query.page, max(paginator.num_pages, 1)))
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": query.page_size,
        "pages": paginator.num_pages,
        "items": list(page.object_list),
    }
