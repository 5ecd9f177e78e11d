@grading
Feature: Grading
  The grade decides the pay, and pay limits bind some posts by law, so grades must be written
  correctly and consistently.

  Rule: Grade codes are written with letters where the grade family has letters
    PO and SO grades (Principal Officer, Senior Officer) are written with the letter O.
    An inference from the grade codes councils publish, not a statutory rule; the finding is a
    warning. Address: https://www.local.gov.uk/our-support/workforce-and-hr-support/local-government-services-pay-and-conditions

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
    Good practice, not law: Acas advises that a job description states the post accurately,
    and two grades for one post cannot both be right. The finding is a warning.
    Address: https://www.acas.org.uk/hiring-someone

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

  Rule: The grade is one on the council's grade scale
    Councils set local grades on the NJC pay spine.
    Good practice, not law; the finding is a warning.
    Address: https://www.local.gov.uk/our-support/workforce-and-hr-support/local-government-services-pay-and-conditions

    @grade-not-on-scale
    Scenario: The grade is not on the council's scale
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO9" in the header
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "grade-not-on-scale"

    @grade-not-on-scale @grade-code-typo
    Scenario: A grade written with a zero for the letter O is reported once, as a typing error
      Given a post titled "Policy Officer"
      And the council's grade "PO4" is paid £48000 to £51500 a year
      And the grade is given as "P04" in the header
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "grade-code-typo"
      And it does not breach "grade-not-on-scale"

    @grade-not-on-scale
    Scenario: The grade is on the council's scale
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "grade-not-on-scale"

  Rule: The salary stated lies within the range of the grade stated
    Good administration: the written statement of particulars gives the scale or rate of pay
    (section 1 of the Employment Rights Act 1996), and a salary outside the grade stated cannot
    match both. No statute is breached by the job description itself; the finding is a warning.
    Address: https://www.legislation.gov.uk/ukpga/1996/18/section/1

    @salary-outside-grade
    Scenario: The salary goes above the top of the grade
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      And the pay range is £38500 to £43000 a year
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "salary-outside-grade"

    @salary-outside-grade
    Scenario: The salary starts below the bottom of the grade
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      And the pay range is £36000 to £41500 a year
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "salary-outside-grade"

    @salary-outside-grade
    Scenario: The salary is the grade's range
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      And the pay range is £38500 to £41500 a year
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "salary-outside-grade"

    @salary-outside-grade
    Scenario: A salary stated per year above the top of the grade
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      And the pay is stated as £38500 to £43000 per year
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "salary-outside-grade"

    @salary-outside-grade
    Scenario: A day rate is not compared with the grade's annual range
      # Grade ranges are a year's pay; £185 to £200 a day is not below the bottom of the grade.
      Given a post titled "Policy Officer"
      And the council's grade "PO1" is paid £38500 to £41500 a year
      And the grade is given as "PO1" in the header
      And the pay is stated as £185 to £200 per day
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "salary-outside-grade"

  Rule: The grade of a political or mayor's assistant tops out below the relevant amount
    Section 9(3) and (4) of the Local Government and Housing Act 1989; regulation 3(7) of the 2002
    Regulations. https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @grade-top-at-or-above-cap
    Scenario Outline: A grade topping out at £48,000, judged <when> the 2025/26 pay award raised the limit
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        Grade: PO3
        This post is established under section 9 of the Local Government and Housing Act 1989.
        """
      And the council's grade "PO3" is paid £44500 to £48000 a year
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "grade-top-at-or-above-cap"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 March 2025 | the checker warns         |
        | the day        | 1 April 2025  | the checker finds nothing |

    @grade-top-at-or-above-cap
    Scenario: A mayor's assistant's grade reaches £51,500 in 2025/26
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the council's grade "PO4" is paid £48000 to £51500 a year
      And the grade is given as "PO4" in the header
      When the post is checked as the law stood on "1 June 2025"
      Then it breaches "grade-top-at-or-above-cap"

    @grade-top-at-or-above-cap
    Scenario: A political assistant's grade tops out at £48,000 in 2025/26
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the council's grade "PO3" is paid £44500 to £48000 a year
      And the grade is given as "PO3" in the header
      When the post is checked as the law stood on "1 June 2025"
      Then it does not breach "grade-top-at-or-above-cap"

    @grade-top-at-or-above-cap
    Scenario: An ordinary officer's grade may go above the limit
      Given a post titled "Policy Officer"
      And the council's grade "PO4" is paid £48000 to £51500 a year
      And the grade is given as "PO4" in the header
      When the post is checked as the law stood on "1 June 2025"
      Then it does not breach "grade-top-at-or-above-cap"
