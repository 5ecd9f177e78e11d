@appointment-terms
Feature: Appointment terms
  Posts created under section 9 of the 1989 Act or the 2002 Mayor's Assistant Regulations can
  only be offered on the terms those provisions allow.

  Rule: A political or mayor's assistant's appointment ends when its fixed term ends
    Regulation 3(3) of the 2002 Regulations: a mayor's assistant's appointment cannot run past
    the mayor's term. Section 9(3) of the 1989 Act: a political assistant's appointment ends by
    the annual meeting. The rule applies to a post whose stated statutory basis is one of those
    provisions; a job title alone does not show which provision governs the post.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

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

    @fixed-term-ended
    Scenario Outline: An end date written inside a sentence ("<written>"), judged <when> it
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        The appointment is for a fixed term <written>.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "fixed-term-ended"

      Examples:
        | written                 | when          | day           | outcome                      |
        | until 2028-05-20        | on the day of | 20 May 2028   | the checker finds nothing    |
        | until 2028-05-20        | the day after | 21 May 2028   | the checker reports an error |
        | ending on 20 May 2028   | the day after | 21 May 2028   | the checker reports an error |
        | to 31/03/2027           | on the day of | 31 March 2027 | the checker finds nothing    |
        | to 31/03/2027           | the day after | 1 April 2027  | the checker reports an error |

    @fixed-term-ended
    Scenario: A start date in the same sentence is not the end of the term
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        This post is a fixed term appointment from 1 June 2026 until 31 March 2027.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "fixed-term-ended"

    @fixed-term-ended
    Scenario Outline: A mayor's assistant's term ending with the mayor's, judged <when> the mayor's term ends
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        Fixed term until 2 May 2030, the end of the Mayor's term of office.
        """
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "fixed-term-ended"

      Examples:
        | when          | day        | outcome                      |
        | on the day    | 2 May 2030 | the checker finds nothing    |
        | the day after | 3 May 2030 | the checker reports an error |

  Rule: An appointment ending at a year's annual meeting has ended once that meeting is held
    Section 9(3) of the 1989 Act ends a political assistant's appointment with the council's annual
    meeting in the appropriate year. Where the council's file records that year's meeting, the
    appointment ends with that day; otherwise once the last day Schedule 12 paragraph 1(2) of the
    Local Government Act 1972 allows for it has passed: 31 May, or in a year of ordinary elections
    the 21st day after councillors retire (the fourth day after the first Thursday in May, section
    37(1) of the Representation of the People Act 1983); 1 June in 2026. Parts of that reckoning
    are inferred, so the finding is a warning.
    https://www.legislation.gov.uk/ukpga/1972/70/schedule/12/paragraph/1

    @annual-meeting-term-ended
    Scenario Outline: "the annual meeting in 2026", with no date recorded for the meeting, judged <when>
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        The appointment ends at the annual meeting in 2026.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "annual-meeting-term-ended"

      Examples:
        | when                                      | day         | outcome                   |
        | on the last day the law allows            | 1 June 2026 | the checker finds nothing |
        | the day after the last day the law allows | 2 June 2026 | the checker warns         |

    @annual-meeting-term-ended
    Scenario Outline: The council's own annual meeting date decides, judged <when> the meeting
      Given the job description says:
        """
        Borchester Borough Council
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        The appointment ends at the annual meeting in 2026.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "annual-meeting-term-ended"

      Examples:
        | when          | day         | outcome                   |
        | on the day of | 20 May 2026 | the checker finds nothing |
        | the day after | 21 May 2026 | the checker warns         |

    @annual-meeting-term-ended
    Scenario: "until the annual meeting of the Council in May 2027" ends with the council's meeting on 19 May 2027
      Given the job description says:
        """
        Borchester Borough Council
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Duration: until the annual meeting of the Council in May 2027
        """
      When the post is checked as the law stood on "20 May 2027"
      Then the checker warns under "annual-meeting-term-ended"
      And the finding rests on an inference

    @annual-meeting-term-ended @fixed-term-ended
    Scenario: Once the month named is over, the calendar decides and the finding is an error
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Duration: until the annual meeting of the Council in May 2026
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "fixed-term-ended"
      And the checker finds nothing under "annual-meeting-term-ended"

  Rule: Any other post's stated fixed term should not already have ended
    Good administration: the written statement of a fixed-term employee's terms gives the date
    the term ends (section 1(4)(g) of the Employment Rights Act 1996); a date already passed
    cannot be that date. No statute is breached by the job description itself.
    https://www.legislation.gov.uk/ukpga/1996/18/section/1

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
    Section 9(3) of the Local Government and Housing Act 1989: the terms must end the appointment
    at or before the council's annual meeting in the appropriate year. A term stated as permanent
    or open-ended is an error; a job description silent about the term is a warning, since the
    contract may state it; an end tied to the annual meeting or to a date is a fixed term. In
    force from 16 January 1990 (s.9 commenced in part by SI 1989/2445).
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-term-not-stated @s9-not-fixed-term
    Scenario: A political assistant's job description says nothing about the length of the appointment
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description does not say whether the appointment is permanent or for a fixed term
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-term-not-stated"
      And the finding rests on the statute
      And the checker finds nothing under "s9-not-fixed-term"

    @s9-not-fixed-term @s9-term-not-stated
    Scenario: "Duration: until the annual meeting of the Council in May 2027" is a lawful fixed term
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Duration: until the annual meeting of the Council in May 2027
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-not-fixed-term"
      And the checker finds nothing under "s9-term-not-stated"

    @s9-not-fixed-term
    Scenario: A political assistant's contract is stated to be permanent
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Contract: Permanent
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "s9-not-fixed-term"
      And the finding points at line 3

    @s9-not-fixed-term
    Scenario: A political assistant's appointment is stated to be open-ended
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        This is an open-ended appointment.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "s9-not-fixed-term"

    @s9-term-not-stated
    Scenario: A job description that says nothing about the term is warned about
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Key Tasks
        1. To provide research support to the Green Group.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-term-not-stated"

    @s9-not-fixed-term
    Scenario Outline: A permanent political assistant, judged <when> section 9 came into force
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Contract: Permanent
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-not-fixed-term"

      Examples:
        | when           | day             | outcome                      |
        | the day before | 15 January 1990 | the checker finds nothing    |
        | the day        | 16 January 1990 | the checker reports an error |

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
    Regulation 3(3) of the 2002 Regulations: the appointment ends no later than the end of the
    appointing mayor's term, or the mayor's earlier departure.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

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
    Scenario Outline: An end date <when> the mayor's term ends
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        The appointment is for a fixed term until <end>.
        """
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "mayors-assistant-term-beyond-mayor"

      Examples:
        | when          | end        | outcome                   |
        | on the day    | 2 May 2030 | the checker finds nothing |
        | the day after | 3 May 2030 | the checker warns         |

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
    Regulation 3(3) of the 2002 Regulations. https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-not-fixed-term
    Scenario Outline: A permanent mayor's assistant, judged <when> the 2002 Regulations came into force
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        Contract: Permanent
        """
      And the council has a directly elected mayor whose term ends on "4 May 2006"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "mayors-assistant-not-fixed-term"

      Examples:
        | when           | day        | outcome                      |
        | the day before | 5 May 2002 | the checker finds nothing    |
        | the day        | 6 May 2002 | the checker reports an error |

    @mayors-assistant-not-fixed-term
    Scenario: A mayor's assistant's post is offered as permanent
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the appointment is permanent
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-not-fixed-term"

    @mayors-assistant-term-not-stated @mayors-assistant-not-fixed-term
    Scenario: A mayor's assistant's job description says nothing about the length of the appointment
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description does not say whether the appointment is permanent or for a fixed term
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "mayors-assistant-term-not-stated"
      And the checker finds nothing under "mayors-assistant-not-fixed-term"

    @mayors-assistant-not-fixed-term @mayors-assistant-term-not-stated
    Scenario: "Coterminous with the Mayor's term of office" is a lawful fixed term
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        Term: Coterminous with the Mayor's term of office
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistant-not-fixed-term"
      And the checker finds nothing under "mayors-assistant-term-not-stated"

    @mayors-assistant-term-not-stated
    Scenario Outline: A mayor's assistant silent about the term, judged <when> the 2002 Regulations came into force
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "mayors-assistant-term-not-stated"

      Examples:
        | when           | day        | outcome                   |
        | the day before | 5 May 2002 | the checker finds nothing |
        | the day        | 6 May 2002 | the checker warns         |

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
    Section 9(3) and (4) of the Local Government and Housing Act 1989, applied to mayor's
    assistants by regulation 3(7) of the 2002 Regulations. The amount changes by order: £34,986
    from the 2006 Order; from 2021 NJC spinal column point 38 (£49,282 for 2025/26), whose value for
    2021/22 to 2023/24 is not known. The Act says "less than", so pay exactly at point 38 is
    flagged, although Kent County Council's 2025 report treats point 38 as the maximum allowed; the
    2021 Order's text has not been read, so the finding is a warning on unconfirmed law.
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @assistant-pay-at-or-above-cap
    Scenario Outline: Pay topping out at <top>, one pound either side of the limit of £49,282
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Salary: £44,000 - <top> per annum
        """
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "assistant-pay-at-or-above-cap"

      Examples:
        | top     | outcome                   |
        | £49,281 | the checker finds nothing |
        | £49,282 | the checker warns         |

    @assistant-pay-at-or-above-cap
    Scenario Outline: A pay range written "<range>" is read
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Salary: <range>
        """
      When the post is checked as the law stood on "23 November 2026"
      Then <outcome> under "assistant-pay-at-or-above-cap"

      Examples:
        | range              | outcome                   |
        | £44k - £49.3k      | the checker warns         |
        | £44,000 to £49.3k  | the checker warns         |
        | £44,000 - 49,282   | the checker warns         |
        | £44k - £49.2k      | the checker finds nothing |

    @assistant-pay-at-or-above-cap
    Scenario: Pay stated only in spinal column points is not turned into pounds
      # postcheck has no table of what each point is worth; the points are kept as written.
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Salary: SCP 34 - 38
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "assistant-pay-at-or-above-cap"

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
    Reported from section 9(8)-(9) of the 1989 Act (text not confirmed) and Hansard, 10 April 2002.
    https://api.parliament.uk/historic-hansard/written_answers/2002/apr/10/mayors

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

  Rule: A political or mayor's assistant discharges none of the council's or the executive's functions
    Regulation 3(7) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England)
    Regulations 2002 applies section 9(8)-(9) of the Local Government and Housing Act 1989, which
    the government told Parliament in 2002 keep such an assistant from discharging any function of
    the authority or its executive (the subsection's text was not read, so the finding is a
    warning on unconfirmed law).
    Address: https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @assistant-given-council-functions
    Scenario: A mayor's assistant is asked to take decisions on behalf of the council
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of SI 2002/975.

        Key Tasks
        1. Take decisions on behalf of the Council in the Mayor's absence.
        2. Authorise expenditure from council budgets up to £10,000.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "assistant-given-council-functions"
      And the finding rests on unconfirmed law
      And the finding points at line 5

    @assistant-given-council-functions
    Scenario: Advising the mayor on decisions, and saying the post has no delegated powers, give it no function
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of SI 2002/975.

        Key Tasks
        1. Advise and brief the Mayor on council policy and forthcoming decisions.
        2. The post-holder has no delegated powers and will not discharge any functions of the
           Council.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "assistant-given-council-functions"

  Rule: A political assistant is appointed as the group wishes, not on merit
    Section 9(1) of the Local Government and Housing Act 1989 disapplies the merit rule of section
    7, and section 9(2)(d) requires the post to be filled in accordance with the group's wishes;
    the standing orders made under the Local Authorities (Standing Orders) (England) Regulations
    2001 leave section 9 appointments out of the head of paid service's (Schedule 1, Part I, para
    3(e)). Reading the two together is an inference, so the finding is a warning.
    Address: https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-appointed-on-merit
    Scenario: A political assistant's job description says the head of paid service appoints on merit
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: section 9 of the Local Government and Housing Act 1989

        Recruitment
        Candidates will be shortlisted and appointed on merit alone, without regard to political
        affiliation.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-appointed-on-merit"
      And the finding rests on an inference

    @s9-appointed-on-merit
    Scenario: The group chooses, and officers give effect to its choice
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: section 9 of the Local Government and Housing Act 1989

        Recruitment
        The post will be filled in accordance with the wishes of the Labour Group. The Head of
        Paid Service will issue the contract of employment once the Group has made its choice.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-appointed-on-merit"

    @s9-appointed-on-merit
    Scenario: An ordinary post may be appointed on merit
      Given the job description says:
        """
        Job Title: Policy Officer

        Recruitment
        The post will be appointed on merit in accordance with the Council's recruitment policy.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-appointed-on-merit"
