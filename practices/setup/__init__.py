"""What the content app needs before any content: the reference taxonomies and the section pages.

The texts are in this package's JSON files (all 8 languages); `setup_portal` (home) calls these
functions, and the demo content builds on what they create. Both create what is missing and leave
what exists as it is, so that a second run never undoes an editor's change."""
