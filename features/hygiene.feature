@hygiene
Feature: Document hygiene
  A published job description should be current and free of errors that make it ambiguous.

  Rule: A job description is reviewed at least every two years
    Good practice, not law: no statute sets a review period for a job description. Acas advises
    employers to check that a job description is accurate and up to date before recruiting; the
    period is the council's choice (two years unless it sets its own). The rule warns only.
    Address: https://www.acas.org.uk/hiring-someone

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

    @last-updated-stale
    Scenario: A published job description last reviewed in May 2023
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3
        Date Last Updated: 12 May 2023
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "last-updated-stale"
      And the finding rests on good practice
      And the finding points at line 3

    @last-updated-stale
    Scenario: A published job description reviewed this year
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3
        Date Last Updated: 2 June 2026
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing

    @last-updated-stale
    Scenario Outline: Reviewed <how long> before the day checked
      Given the job description says:
        """
        Job Title: Policy Officer
        Date Last Updated: <updated>
        """
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "last-updated-stale"

      Examples:
        | how long                    | updated          | outcome                   |
        | a day short of two years    | 24 November 2024 | the checker finds nothing |
        | exactly two years           | 23 November 2024 | the checker finds nothing |
        | two years and a day         | 22 November 2024 | the checker warns         |
        | two years, by the month     | November 2024    | the checker finds nothing |
        | two years and a month       | October 2024     | the checker warns         |

  Rule: Each item of a numbered list has its own number
    Good practice, not law: duties are referred to by number, and Acas advises that a job
    description states the post's tasks clearly and precisely. The rule only notes the fault.
    Address: https://www.acas.org.uk/hiring-someone

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

    @repeated-item-number
    Scenario: A published list of key tasks numbers two tasks 2
      Given the job description says:
        """
        Job Title: Policy Officer

        Key Tasks

        1. To brief the members of the Group.
        2. To write reports for the Group.
        2. To draft letters for the Group Leader.
        3. To keep the Group's records.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker notes under "repeated-item-number"
      And the finding rests on good practice
      And the finding points at line 7

    @repeated-item-number
    Scenario: A published job description whose second list starts again from 1
      Given the job description says:
        """
        Job Title: Policy Officer

        Key Tasks

        1. To brief the members of the Group.
        2. To write reports for the Group.

        Person Specification

        1. Experience of writing briefings.
        2. Knowledge of local government.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "repeated-item-number"

  Rule: A job description cannot have been updated in the future
    Good practice, not law: a date not yet come is a typing error that hides the document's real
    age, and Acas advises keeping a job description accurate. The rule warns only.
    Address: https://www.acas.org.uk/hiring-someone

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

    @last-updated-in-future
    Scenario Outline: A published job description dated <when>
      Given the job description says:
        """
        Job Title: Policy Officer
        Date Last Updated: <updated>
        """
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "last-updated-in-future"

      Examples:
        | when                    | updated          | outcome                   |
        | the day it is checked   | 23 November 2026 | the checker finds nothing |
        | the day after           | 24 November 2026 | the checker warns         |
        | the next month          | December 2026    | the checker warns         |

  Rule: Published text is free of leftover markup
    Good practice, not law: markup left in the text shows it was pasted unchecked and can garble
    the terms it states; Acas advises that a job description is clear. The rule only notes it.
    Address: https://www.acas.org.uk/hiring-someone

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

    @leftover-markup
    Scenario: A published job description with paragraph tags left in it
      Given the job description says:
        """
        Job Title: Policy Officer

        <p>IMPORTANT INFORMATION FOR APPLICANTS</p>

        Please read the person specification before applying.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker notes under "leftover-markup"
      And the finding rests on good practice
      And the finding points at line 3

    @leftover-markup
    Scenario: A published job description in clean text
      Given the job description says:
        """
        Job Title: Policy Officer

        IMPORTANT INFORMATION FOR APPLICANTS

        Please read the person specification before applying.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "leftover-markup"

  Rule: A pay range runs from its minimum up to its maximum
    A salary whose minimum is above its maximum is a data error. Applicants cannot tell what the
    post pays, and the post is still judged on everything else (good practice; Acas guidance
    for employers on hiring someone, https://www.acas.org.uk/hiring-someone).

    @salary-range-inverted
    Scenario: The salary's figures are swapped
      Given the job description says:
        """
        Job Title: Planning Officer
        Grade: PO4
        Salary: £42,000 - £38,000 per annum
        Date Last Updated: May 2020
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "salary-range-inverted"
      And the finding rests on good practice
      And the finding points at line 3

    @salary-range-inverted
    Scenario: A pay range in order
      Given a post titled "Planning Officer"
      And the pay range is £38000 to £42000 a year
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "salary-range-inverted"
