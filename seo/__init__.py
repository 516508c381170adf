"""What search engines and social networks read: titles, descriptions, canonical and
alternate addresses, Open Graph and Twitter cards (`meta`), schema.org JSON-LD (`jsonld`),
and the sitemaps and robots.txt (`views`)."""
