@appointment-terms
Feature: Appointment terms
  Posts created under section 9 of the 1989 Act or the 2002 Mayor's Assistant Regulations can
  only be offered on the terms those provisions allow.

  Rule: A fixed term that has already ended cannot be offered
    # Regulation 3(3) of the 2002 Regulations: a mayor's assistant's appointment cannot run past
    # the mayor's term. Section 9(3) of the 1989 Act: a political assistant's appointment ends by
    # the annual meeting. https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @fixed-term-ended
    Scenario: A mayor's assistant's term ended with the mayor's term in May 2026
      Given a post titled "Mayor's Assistant"
      And the appointment is for a fixed term ending at the end of the mayor's term on "7 May 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "fixed-term-ended"
      And the finding reads "ended on 7 May 2026"

    @fixed-term-ended
    Scenario: The same term judged before it ended
      Given a post titled "Mayor's Assistant"
      And the appointment is for a fixed term ending at the end of the mayor's term on "7 May 2026"
      When the post is checked as the law stood on "1 March 2026"
      Then it does not breach "fixed-term-ended"

    @fixed-term-ended
    Scenario: A term ending "November 2026" is not judged ended part-way through November
      Given a post titled "Project Officer"
      And the appointment is for a fixed term ending on "November 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "fixed-term-ended"

  Rule: A political assistant's appointment must be for a fixed term ending by the annual meeting
    # Section 9(3) of the Local Government and Housing Act 1989.
    # https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-not-fixed-term
    Scenario: A political assistant's job description says nothing about the length of the appointment
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description does not say whether the appointment is permanent or for a fixed term
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-not-fixed-term"

    @s9-not-fixed-term
    Scenario: A political assistant's post is offered as permanent
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      And the appointment is permanent
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-not-fixed-term"

    @s9-not-fixed-term
    Scenario: A political assistant's appointment ends at the annual meeting
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      And the appointment is for a fixed term ending at the council's annual meeting
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-not-fixed-term"
