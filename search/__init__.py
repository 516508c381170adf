"""Search: `/search/?q=` over published posts (`views`, `query`), the words of each post it
reads (`models.SearchDocument`, label `blog`, kept fresh by `index`) and the highlighted results
(`highlight`)."""
