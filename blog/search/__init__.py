"""Search: `/search/?q=` over published posts (`views`, `query`), the words of each post it
reads (`blog.models.SearchDocument`, kept fresh by `index`) and the highlighted results
(`highlight`)."""
