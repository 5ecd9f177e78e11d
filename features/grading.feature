@grading
Feature: Grading
  The grade decides the pay, and pay limits bind some posts by law, so grades must be written
  correctly and consistently.

  Rule: Grade codes are written with letters where the grade family has letters
    # PO and SO grades (Principal Officer, Senior Officer) are written with the letter O.

    @grade-code-typo
    Scenario: The grade is written "P04" with a zero
      Given a post titled "Mayor's Assistant"
      And the grade is given as "P04" in the header
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "grade-code-typo"
      And the finding reads "did you mean PO4?"

    @grade-code-typo
    Scenario: The grade is written "PO4" with the letter O
      Given a post titled "Mayor's Assistant"
      And the grade is given as "PO4" in the header
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "grade-code-typo"

  Rule: The header and the person specification state the same grade

    @grade-mentions-disagree
    Scenario: The header says PO3 and the person specification says PO4
      Given a post titled "Policy Officer"
      And the grade is given as "PO3" in the header
      And the grade is given as "GRADE PO4" in the person specification
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "grade-mentions-disagree"

    @grade-mentions-disagree
    Scenario: The header says PO3 and the person specification says "GRADE PO3"
      Given a post titled "Policy Officer"
      And the grade is given as "PO3" in the header
      And the grade is given as "GRADE PO3" in the person specification
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "grade-mentions-disagree"
