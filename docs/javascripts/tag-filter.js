/* Tag filter (issue 3). */
