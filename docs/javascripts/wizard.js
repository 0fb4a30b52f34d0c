/* Wizard (issue 5). */
