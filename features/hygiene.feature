@hygiene
Feature: Document hygiene
  A published job description should be current and free of errors that make it ambiguous.

  Rule: A job description is reviewed at least every two years

    @last-updated-stale
    Scenario: Last updated in May 2023, checked in November 2026
      Given a post titled "Mayor's Assistant"
      And the job description was last updated "May 2023"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "last-updated-stale"

    @last-updated-stale
    Scenario: Last updated in June 2026
      Given a post titled "Political Assistant"
      And the job description was last updated "02/06/2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "last-updated-stale"

  Rule: Each item of a numbered list has its own number

    @repeated-item-number
    Scenario: Two duties are both numbered 13
      Given a post titled "Political Assistant"
      And the duties are numbered 11, 12, 13, 13, 14
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "repeated-item-number"

    @repeated-item-number
    Scenario: A second list starts again from 1
      Given a post titled "Mayor's Assistant"
      And the duties are numbered 1, 2, 3
      And the duties are numbered 1, 2
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "repeated-item-number"

  Rule: A job description cannot have been updated in the future

    @last-updated-in-future
    Scenario: Last updated in December 2026, checked in November 2026
      Given a post titled "Policy Officer"
      And the job description was last updated "December 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "last-updated-in-future"

    @last-updated-in-future
    Scenario: Last updated "November 2026", checked part-way through November
      Given a post titled "Policy Officer"
      And the job description was last updated "November 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "last-updated-in-future"

  Rule: Published text is free of leftover markup

    @leftover-markup
    Scenario: HTML paragraph tags were published with the person specification
      Given a post titled "Political Assistant"
      And the published text contains "<p>IMPORTANT INFORMATION FOR APPLICANTS</p>"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "leftover-markup"

    @leftover-markup
    Scenario: No markup remains in the text
      Given a post titled "Political Assistant"
      And the job description was last updated "02/06/2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "leftover-markup"
