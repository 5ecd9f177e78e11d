@appointment-terms
Feature: Appointment terms
  Posts created under section 9 of the 1989 Act or the 2002 Mayor's Assistant Regulations can
  only be offered on the terms those provisions allow.

  Rule: A political or mayor's assistant's appointment ends when its fixed term ends
    # Regulation 3(3) of the 2002 Regulations: a mayor's assistant's appointment cannot run past
    # the mayor's term. Section 9(3) of the 1989 Act: a political assistant's appointment ends by
    # the annual meeting. The rule applies to a post whose stated statutory basis is one of those
    # provisions; a job title alone does not show which provision governs the post.
    # https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @fixed-term-ended @fixed-term-lapsed
    Scenario: A mayor's assistant's term ended with the mayor's term in May 2026
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is for a fixed term ending at the end of the mayor's term on "7 May 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "fixed-term-ended"
      And the finding reads "ended on 7 May 2026"
      And it does not breach "fixed-term-lapsed"

    @fixed-term-ended
    Scenario: The same term judged before it ended
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is for a fixed term ending at the end of the mayor's term on "7 May 2026"
      When the post is checked as the law stood on "1 March 2026"
      Then it does not breach "fixed-term-ended"

    @fixed-term-ended
    Scenario: A political assistant's term ended at the annual meeting in May 2026
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the appointment is for a fixed term ending on "21 May 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "fixed-term-ended"

    @fixed-term-ended @fixed-term-lapsed
    Scenario: A post called a mayor's assistant that states no statutory basis is judged as an ordinary post
      Given a post titled "Mayor's Assistant"
      And the job description does not say under what provision the post is established
      And the appointment is for a fixed term ending on "7 May 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "fixed-term-ended"
      And it breaches "fixed-term-lapsed"

  Rule: Any other post's stated fixed term should not already have ended
    # Good administration: the written statement of a fixed-term employee's terms gives the date
    # the term ends (section 1(4)(g) of the Employment Rights Act 1996); a date already passed
    # cannot be that date. No statute is breached by the job description itself.
    # https://www.legislation.gov.uk/ukpga/1996/18/section/1

    @fixed-term-lapsed @fixed-term-ended
    Scenario: An ordinary post's fixed term ended in October 2026
      Given a post titled "Project Officer"
      And the appointment is for a fixed term ending on "October 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "fixed-term-lapsed"
      And it does not breach "fixed-term-ended"

    @fixed-term-lapsed
    Scenario: A term ending "November 2026" is not judged ended part-way through November
      Given a post titled "Project Officer"
      And the appointment is for a fixed term ending on "November 2026"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "fixed-term-lapsed"

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
    Scenario: A post titled as a political assistant that states no statutory basis is not judged under section 9
      Given a post titled "Labour Group Political Assistant"
      And the job description does not say under what provision the post is established
      And the appointment is permanent
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-not-fixed-term"

    @s9-not-fixed-term
    Scenario: A political assistant's appointment ends at the annual meeting
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      And the appointment is for a fixed term ending at the council's annual meeting
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-not-fixed-term"

  Rule: A mayor's assistant's appointment cannot run past the mayor's term
    # Regulation 3(3) of the 2002 Regulations: the appointment ends no later than the end of the
    # appointing mayor's term, or the mayor's earlier departure.
    # https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-term-beyond-mayor
    Scenario: The appointment is stated to end after the mayor's term ends
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      And the appointment is for a fixed term ending on "31 March 2031"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-term-beyond-mayor"
      And the finding reads "after the current mayor's term ends on 2030-05-02"

    @mayors-assistant-term-beyond-mayor
    Scenario: The appointment ends on the day the mayor's term ends
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      And the appointment is for a fixed term ending on "2 May 2030"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-term-beyond-mayor"

    @mayors-assistant-term-beyond-mayor
    Scenario: An end written only as "May 2030" may be on or before the last day of the term
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      And the appointment is for a fixed term ending on "May 2030"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-term-beyond-mayor"

    @mayors-assistant-term-beyond-mayor
    Scenario: When the end of the mayor's term is not known the rule is silent
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is for a fixed term ending on "31 March 2031"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-term-beyond-mayor"

  Rule: A mayor's assistant's appointment is for a fixed term
    # Regulation 3(3) of the 2002 Regulations. https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-not-fixed-term
    Scenario: A mayor's assistant's post is offered as permanent
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is permanent
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-not-fixed-term"

    @mayors-assistant-not-fixed-term
    Scenario: A mayor's assistant's job description says nothing about the length of the appointment
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description does not say whether the appointment is permanent or for a fixed term
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-not-fixed-term"

    @mayors-assistant-not-fixed-term
    Scenario: A ceremonial mayor's assistant is not an appointment under the 2002 Regulations
      Given a post titled "Lord Mayor's Assistant"
      And the job description does not say under what provision the post is established
      And the appointment is permanent
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-not-fixed-term"

    @mayors-assistant-not-fixed-term
    Scenario: Before the 2002 Regulations came into force on 6 May 2002 the rule is silent
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is permanent
      When the post is checked as the law stood on "1 June 2001"
      Then it does not breach "mayors-assistant-not-fixed-term"

    @mayors-assistant-not-fixed-term
    Scenario: A mayor's assistant's appointment ends with the mayor's term
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is for a fixed term ending at the end of the mayor's term on "2 May 2030"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-not-fixed-term"

  Rule: The pay of a political or mayor's assistant must be less than the relevant amount
    # Section 9(3) and (4) of the Local Government and Housing Act 1989, applied to mayor's
    # assistants by regulation 3(7) of the 2002 Regulations. The amount changes by order: £34,986
    # from the 2006 Order; from 2021 NJC spinal column point 38 (£49,282 for 2025/26), whose value for
    # 2021/22 to 2023/24 is not known. https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @assistant-pay-at-or-above-cap
    Scenario: In 2020 a salary of £40,000 breaches the £34,986 limit
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the pay range is £36000 to £40000 a year
      When the post is checked as the law stood on "1 June 2020"
      Then it breaches "assistant-pay-at-or-above-cap"
      And the finding reads "£34,986"

    @assistant-pay-at-or-above-cap
    Scenario: In 2020 a salary of £34,000 is within the limit
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the pay range is £30000 to £34000 a year
      When the post is checked as the law stood on "1 June 2020"
      Then it does not breach "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: In 2025/26 pay equal to spinal column point 38 is not below the limit
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the pay range is £45000 to £49282 a year
      When the post is checked as the law stood on "1 June 2025"
      Then it breaches "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: In 2025/26 pay of £49,000 is below the limit
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the pay range is £45000 to £49000 a year
      When the post is checked as the law stood on "1 June 2025"
      Then it does not breach "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: In 2022 the amount is not known, so the rule says nothing
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the pay range is £60000 to £70000 a year
      When the post is checked as the law stood on "1 June 2022"
      Then it does not breach "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: Pay stated as a year's pay is compared with the limit
      Given a post titled "Group Support Officer (Green Group)"
      And the post is established under "s.9 LGHA 1989"
      And the pay is stated as £46000 to £50000 per year
      When the post is checked as the law stood on "1 June 2025"
      Then it breaches "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: A day rate is not an annual rate of pay and is not compared with the limit
      # The limit is a year's pay; the rule does not turn a day, hour, week or month rate into one.
      Given a post titled "Political Adviser to the Respect Group"
      And the post is established under "s.9 LGHA 1989"
      And the pay is stated as £400 to £550 per day
      When the post is checked as the law stood on "1 June 2025"
      Then it does not breach "assistant-pay-at-or-above-cap"

    @assistant-pay-at-or-above-cap
    Scenario: The limit does not apply to an ordinary officer post
      Given a post titled "Head of Policy"
      And the pay range is £60000 to £70000 a year
      When the post is checked as the law stood on "1 June 2025"
      Then it does not breach "assistant-pay-at-or-above-cap"

  Rule: A political or mayor's assistant directs only clerical or secretarial support
    # Reported from section 9(8)-(9) of the 1989 Act (text not confirmed) and Hansard, 10 April 2002.
    # https://api.parliament.uk/historic-hansard/written_answers/2002/apr/10/mayors

    @assistant-manages-staff
    Scenario: A political assistant manages a research team
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says "Manages the Group's research team of three officers." about line management
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "assistant-manages-staff"

    @assistant-manages-staff
    Scenario: A political assistant supervises secretarial support
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says "Supervises the Group's secretarial support." about line management
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "assistant-manages-staff"

    @assistant-manages-staff
    Scenario: A mayor's assistant has no line management
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description says "You will have no line management responsibility." about line management
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "assistant-manages-staff"
