@office-attendance
Feature: Office attendance
  Office attendance is employer policy, not law; what a job description says about it must at
  least be consistent, because it is part of the terms offered.

  Rule: Every statement of the minimum office days must give the same number
    Employment Rights Act 1996, s.1: the written statement of particulars covers the place of work.
    Good practice, not law; the finding is a warning. In force from 22 August 1996.
    https://www.legislation.gov.uk/ukpga/1996/18/section/1

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

    @attendance-statements-disagree
    Scenario Outline: Days worked from home are not office days: "<split>"
      Given the job description says:
        """
        Job Title: Policy Officer
        <split>
        Office attendance: a minimum of <days> days a week in the office.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "attendance-statements-disagree"

      Examples:
        | split                                                                     | days | outcome                   |
        | You will work from home 2 days a week and in the office 3 days a week.    | 3    | the checker finds nothing |
        | Hybrid working: 2 days from home and 3 in the office.                     | 3    | the checker finds nothing |
        | You will work from home 2 days a week and in the office 3 days a week.    | 2    | the checker warns         |
        | Hybrid working: 2 days from home and 3 in the office.                     | 2    | the checker warns         |

  Rule: The number of office days stated is one the post-holder could meet
    A full-time week under the NJC Green Book has five working days.
    Good practice, not law; the finding is a warning.
    Address: https://www.local.gov.uk/our-support/workforce-and-hr-support/local-government-services-pay-and-conditions

    @attendance-impossible-days
    Scenario: The job description asks for six days a week in the office
      Given a post titled "Policy Officer"
      And the job description says "at least six days a week in the office", that is 6 days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-impossible-days"

    @attendance-impossible-days
    Scenario: A negative number of days
      Given a post titled "Policy Officer"
      And the job description says "-1 days a week in the office", that is -1 days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-impossible-days"

    @attendance-impossible-days
    Scenario: The job description asks for five days a week in the office
      Given a post titled "Policy Officer"
      And the job description says "five days a week in the office", that is five days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "attendance-impossible-days"

  Rule: The office days stated match the council's own attendance policy
    Minimum office days are employer policy, not law; where the council's policy is known the job
    description should match it.
    The written statement of particulars covers the place of work (section 1 of the Employment
    Rights Act 1996). Address: https://www.legislation.gov.uk/ukpga/1996/18/section/1

    @attendance-below-policy
    Scenario: The job description asks for fewer days than the council's policy
      Given a post titled "Policy Officer"
      And the council's policy requires at least 2 days a week in the office
      And the job description says "one day a week in the office", that is one day a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-below-policy"

    @attendance-below-policy
    Scenario: The job description asks for the days the council's policy requires
      Given a post titled "Policy Officer"
      And the council's policy requires at least 2 days a week in the office
      And the job description says "two days a week in the office", that is two days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "attendance-below-policy"

    @attendance-below-policy
    Scenario: The council's policy is not known
      Given a post titled "Policy Officer"
      And the job description says "one day a week in the office", that is one day a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "attendance-below-policy"

  Rule: Office attendance is employer policy, not a requirement of law
    No statute sets minimum office days for council staff; the civil service's 60% rule is policy
    for civil servants. https://www.gov.uk/government/news/civil-service-continues-commitment-to-minimum-60-office-attendance

    @attendance-called-legal-requirement
    Scenario: Office attendance is called a legal requirement
      Given a post titled "Policy Officer"
      And the job description says "Office attendance of three days a week is a legal requirement.", that is 3 days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-called-legal-requirement"

    @attendance-called-legal-requirement
    Scenario: Office attendance is said to be required by law
      Given a post titled "Policy Officer"
      And the job description says "You are required by law to attend the office on three days each week." about office attendance
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "attendance-called-legal-requirement"

    @attendance-called-legal-requirement
    Scenario: A job description says working on site is a statutory obligation
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3

        Working arrangements
        This is a hybrid role. Working on site three days per week is a statutory obligation
        for all staff.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "attendance-called-legal-requirement"
      And the finding rests on an inference
      And the finding points at line 5

    @attendance-called-legal-requirement
    Scenario: A job description says office attendance is not a legal requirement, and mentions a legal requirement about something else
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3

        Working arrangements
        Attendance in the office three days a week is not a legal requirement; it is Council
        policy. You will attend court and tribunal hearings where legally required.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "attendance-called-legal-requirement"

    @attendance-called-legal-requirement
    Scenario: Office attendance is described as the council's policy
      Given a post titled "Policy Officer"
      And the job description says "Under the Council's hybrid working policy you will attend the office at least 3 days a week.", that is 3 days a week in the office
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "attendance-called-legal-requirement"

  Rule: Every employee may ask for flexible working from the first day of employment
    Section 80F of the Employment Rights Act 1996; the Flexible Working (Amendment) Regulations 2023
    removed the qualifying period from 6 April 2024. https://www.legislation.gov.uk/ukpga/1996/18/section/80F

    @flexible-working-request-denied
    Scenario: A labelled line says no flexible working requests are accepted
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3
        Flexible working: no requests accepted
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "flexible-working-request-denied"
      And the finding rests on the statute
      And the finding points at line 3

    @flexible-working-request-denied
    Scenario: Requests are welcome, though approval is not guaranteed
      Given the job description says:
        """
        Job Title: Policy Officer
        Grade: PO3

        Working arrangements
        Requests for flexible working are welcome and will be considered against the needs of
        the service, but approval is not guaranteed.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "flexible-working-request-denied"

    @flexible-working-request-denied
    Scenario Outline: Flexible working refused, judged <when> the right became a day-one right
      Given the job description says:
        """
        Job Title: Policy Officer
        Requests for flexible working will not be considered for this post.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "flexible-working-request-denied"

      Examples:
        | when           | day          | outcome                   |
        | the day before | 5 April 2024 | the checker finds nothing |
        | the day        | 6 April 2024 | the checker warns         |

    @flexible-working-request-denied
    Scenario: The job description says requests for flexible working will not be considered
      Given a post titled "Mayor's Assistant"
      And the job description says "Flexible working requests will not be considered for this post." about office attendance
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "flexible-working-request-denied"

    @flexible-working-request-denied
    Scenario: The job description says new starters cannot apply for flexible working
      Given a post titled "Policy Officer"
      And the job description says "You cannot apply for flexible working in your first six months." about office attendance
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "flexible-working-request-denied"

    @flexible-working-request-denied
    Scenario: Before 6 April 2024 a new starter had to wait 26 weeks to ask
      Given a post titled "Policy Officer"
      And the job description says "You cannot apply for flexible working in your first six months." about office attendance
      When the post is checked as the law stood on "1 March 2024"
      Then it does not breach "flexible-working-request-denied"

    @flexible-working-request-denied
    Scenario: A refusal of late job applications next to support for flexible working is not a refusal of flexible working
      Given a post titled "Policy Officer"
      And the job description says "The Council supports flexible working. Applications received after the closing date will not be considered." about office attendance
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "flexible-working-request-denied"

    @flexible-working-request-denied
    Scenario: Flexible working is supported subject to the needs of the service
      Given a post titled "Mayor's Assistant"
      And the job description says "Newham Council supports flexible working for its staff, subject to meeting business needs." about office attendance
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "flexible-working-request-denied"
