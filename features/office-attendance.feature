@office-attendance
Feature: Office attendance
  Office attendance is employer policy, not law; what a job description says about it must at
  least be consistent, because it is part of the terms offered.

  Rule: Every statement of the minimum office days must give the same number
    # Employment Rights Act 1996, s.1: the written statement of particulars covers the place of work.
    # https://www.legislation.gov.uk/ukpga/1996/18/section/1

    @attendance-statements-disagree
    Scenario: One section says three days and another says two
      Given a post titled "Policy Officer"
      And the job description says "at least 3 days a week in the office", that is 3 days a week in the office
      And the job description says "a minimum of two days per week in the office", that is two days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-statements-disagree"

    @attendance-statements-disagree
    Scenario: Two sections both say three days
      Given a post titled "Mayor's Assistant"
      And the job description says "at least 3 days a week", that is 3 days a week in the office
      And the job description says "a minimum of 3 days per week", that is three days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "attendance-statements-disagree"
