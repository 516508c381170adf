"""The only code that knows pages are cached.

generation.py: the one token that says "reader-visible content changed"; receivers.py:
the models readers see, whose changes renew it; pages.py: where a request's page is
kept; middleware.py and wsgi.py: serving and keeping pages; resilient_cache.py and
shared_file_cache.py: the cache backends the generation lives in.
"""
