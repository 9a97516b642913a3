from search.limits import MAX_QUERY_LENGTH


def search_limits(request):
    return {"search_max_length": MAX_QUERY_LENGTH}
