"""Who a login is tried as, for login throttling (the address: ratelimits/clients.py)."""


def login_name(request, credentials):
    """The name a login was tried with, for django-axes: the admin's form sends `username`, the
    public login (allauth) authenticates with `email` and posts it as `login`. Case-folded, so
    "Name@Example.org" and "name@example.org" count as one."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email")
    if not name and request is not None:
        name = request.POST.get("username") or request.POST.get("login")
    return (name or "").strip().lower()
