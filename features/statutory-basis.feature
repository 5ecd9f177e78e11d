@statutory-basis
Feature: Statutory basis
  A post created under a statute must cite the statute that creates it, correctly.

  Rule: Political assistants are appointed under section 9 of the Local Government and Housing Act 1989
    Section 9 of the 1989 Act lets a council create up to three posts to assist the members of
    political groups. https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-wrong-act
    Scenario: A political assistant's post cites section 9 of the Local Government Act 2000
      Given a post titled "Green Group Political Assistant"
      And the post is established under "section 9 of the Local Government Act 2000"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-wrong-act"

    @s9-wrong-act
    Scenario: A political assistant's post cites section 9 of the 1989 Act
      Given a post titled "Green Group Political Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-wrong-act"

    @s9-wrong-act
    Scenario: A job description cites section 9 of a "Local Government Act 1989", an Act that does not exist
      Given the job description says:
        """
        Job Title: Policy and Research Officer
        This post is established under section 9 of the Local Government Act 1989.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-wrong-act"
      And the finding rests on an inference
      And the finding points at line 2
      And the finding reads "there is no Local Government Act 1989"

    @s9-wrong-act
    Scenario: A job description cites section 9 of the Local Government and Housing Act 1989 by its full title
      Given the job description says:
        """
        Job Title: Policy and Research Officer
        This post is established under section 9 of the Local Government and Housing Act 1989.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-wrong-act"

    @s9-wrong-act
    Scenario Outline: Section 9 of the wrong Act, judged <when> 1 August 1990
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under s.9 of the Local Government Act 2000.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-wrong-act"

      Examples:
        | when           | day            | outcome                   |
        | the day before | 31 July 1990   | the checker finds nothing |
        | on             | 1 August 1990  | the checker warns         |

  Rule: A mayor's assistant is appointed under regulation 3 of the 2002 Regulations
    Regulation 3(1) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England)
    Regulations 2002 lets an elected mayor appoint one assistant.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-basis
    Scenario: A mayor's assistant's post cites section 9 of the 1989 Act
      Given a post titled "Mayor's Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-basis"

    @mayors-assistant-basis
    Scenario: A mayor's assistant's post cites the council's general power to appoint staff
      Given a post titled "Mayor's Political Assistant"
      And the post is established under "section 112 of the Local Government Act 1972"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-basis"

    @mayors-assistant-basis
    Scenario: Before the 2002 Regulations came into force on 6 May 2002 the rule is silent
      Given a post titled "Mayor's Assistant"
      And the post is established under "section 9 of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "1 June 2001"
      Then it does not breach "mayors-assistant-basis"

    @mayors-assistant-basis
    Scenario: A mayor's assistant's post cites regulation 3
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-basis"

    @mayors-assistant-basis @mayors-assistant-restriction-not-stated
    Scenario: The Regulations named before the regulation: "Regulations 2002" is their year, not regulation 2002
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002, regulation 3.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistant-basis"
      And the checker warns under "mayors-assistant-restriction-not-stated"

    @mayors-assistant-basis
    Scenario: Section 9 as applied to the mayor's assistant by regulation 3(7) is a regulation 3 basis
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989, as applied by regulation 3(7) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistant-basis"

    @mayors-assistant-basis
    Scenario: A mayor's assistant's job description gives the council's general power to appoint staff as its basis
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under section 112 of the Local Government Act 1972.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "mayors-assistant-basis"
      And the finding points at line 2

  Rule: An assistant to a political group is appointed under section 9 of the 1989 Act
    Section 9(1) and (2) of the Local Government and Housing Act 1989: only a section 9
    appointment may be made with regard to the appointee's politics.
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @political-assistant-basis
    Scenario: A group's political assistant cites the Mayor's Assistant Regulations
      Given a post titled "Green Group Political Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "political-assistant-basis"

    @political-assistant-basis
    Scenario: A group's political assistant cites section 9 of the 1989 Act
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "political-assistant-basis"

    @political-assistant-basis @s9-wrong-act
    Scenario Outline: Section 9 of the 1989 Act is recognised written as <citation>
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under <citation>.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "political-assistant-basis"
      And the checker finds nothing under "s9-wrong-act"

      Examples:
        | citation                                             |
        | LG&HA 1989, s.9                                      |
        | sec. 9 LGHA 1989                                     |
        | s9 LGHA 1989                                         |
        | s 9 of the LGHA                                      |
        | section 9 of the 1989 Act                            |
        | Section 9 of the Local Government & Housing Act 1989 |

    @political-assistant-basis
    Scenario: A group's political assistant cites the general power to appoint staff
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 112 of the Local Government Act 1972.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "political-assistant-basis"
      And the finding rests on an inference

    @political-assistant-basis
    Scenario Outline: A group's political assistant citing another basis, judged <when> 1 August 1990
      Given a post titled "Green Group Political Assistant"
      And the post is established under "section 112 of the Local Government Act 1972"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "political-assistant-basis"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker warns         |

    @political-assistant-basis @s9-wrong-act
    Scenario: Section 9 of the wrong Act is reported once, as the wrong Act
      Given a post titled "Green Group Political Assistant"
      And the post is established under "section 9 of the Local Government Act 2000"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-wrong-act"
      And it does not breach "political-assistant-basis"

  Rule: Only a council with a directly elected mayor can have a mayor's assistant
    Regulation 3(1) of the 2002 Regulations gives the power of appointment to an elected mayor.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-without-elected-mayor
    Scenario Outline: A leader-and-cabinet council's mayor's assistant, judged <when> the 2002 Regulations came into force
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        """
      And the council is run by a leader and cabinet and has no directly elected mayor
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "mayors-assistant-without-elected-mayor"

      Examples:
        | when           | day        | outcome                            |
        | the day before | 5 May 2002 | the checker finds nothing          |
        | the day        | 6 May 2002 | the checker reports an error       |

    @mayors-assistant-without-elected-mayor
    Scenario: A leader-and-cabinet council advertises a mayor's assistant
      Given a post titled "Mayor's Assistant"
      And the post is established under "SI 2002/975, regulation 3"
      And the council is run by a leader and cabinet and has no directly elected mayor
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-without-elected-mayor"

    @mayors-assistant-without-elected-mayor
    Scenario: A council with a directly elected mayor advertises a mayor's assistant
      Given a post titled "Mayor's Assistant"
      And the post is established under "SI 2002/975, regulation 3"
      And the council has a directly elected mayor whose term ends on "2 May 2030"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-without-elected-mayor"

    @mayors-assistant-without-elected-mayor
    Scenario: A post called a mayor's assistant that states no statutory basis is not judged under the 2002 Regulations
      Given a post titled "Mayor's Assistant"
      And the job description does not say under what provision the post is established
      And the council is run by a leader and cabinet and has no directly elected mayor
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-without-elected-mayor"

    @mayors-assistant-without-elected-mayor
    Scenario: The council's form of governance is not known
      Given a post titled "Mayor's Assistant"
      And the post is established under "SI 2002/975, regulation 3"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-without-elected-mayor"

  Rule: A post rests on one statutory basis
    A political assistant (section 9 of the 1989 Act) and a mayor's assistant (regulation 3 of the
    2002 Regulations) are offered on different terms.
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @statutory-bases-conflict
    Scenario: One job description cites both section 9 and regulation 3
      Given a post titled "Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post is established under "Regulation 3 of SI 2002/975"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "statutory-bases-conflict"

    @statutory-bases-conflict
    Scenario: A job description gives section 9 and regulation 3 as two bases
      Given the job description says:
        """
        Job Title: Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Statutory basis: Regulation 3 of SI 2002/975
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "statutory-bases-conflict"

    @statutory-bases-conflict @mayors-assistant-restriction-not-stated
    Scenario: Section 9 as applied by regulation 3(7) is one basis, not two
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under s.9 LGHA 1989 as applied by reg 3(7) of the 2002 Regulations.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "statutory-bases-conflict"
      And the checker warns under "mayors-assistant-restriction-not-stated"

    @statutory-bases-conflict
    Scenario Outline: Two bases, judged <when> 1 August 1990
      Given a post titled "Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post is established under "section 112 of the Local Government Act 1972"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "statutory-bases-conflict"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker warns         |

    @statutory-bases-conflict
    Scenario: The same basis is stated twice, once without naming the Act
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the post is established under "section 9"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "statutory-bases-conflict"

  Rule: A political assistant's post names the group it is allocated to
    Section 9(2)(a) and (d) of the 1989 Act: the post assists a political group and is filled as
    the group to which it is allocated wishes. https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-group-not-named
    Scenario: A political assistant's job description names no group
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-group-not-named"

    @s9-group-not-named
    Scenario Outline: A political assistant's post naming no group, judged <when> 1 August 1990
      Given the job description says:
        """
        Job Title: Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-group-not-named"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker warns         |

    @s9-group-not-named
    Scenario: A political assistant's job description names the group
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Green Group"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-group-not-named"

  Rule: A political assistant serves a group that exists on the council
    Regulation 8 of the Local Government (Committees and Political Groups) Regulations 1990: a
    group is formed by notice signed by two or more members.
    https://www.legislation.gov.uk/uksi/1990/1553/part/III/made

    @s9-group-not-on-council
    Scenario: The named group is not among the council's groups
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Independent Alliance"
      And the "Progress Group" is one of the council's political groups
      And the "Green Group" is one of the council's political groups
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-group-not-on-council"

    @s9-group-not-on-council
    Scenario: The named group is one of the council's groups, written slightly differently
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Green Party Group"
      And the "Green Group" is one of the council's political groups
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-group-not-on-council"

    @s9-group-not-on-council
    Scenario Outline: A group not on the council, judged <when> 1 August 1990
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Independent Alliance"
      And the "Green Group" is one of the council's political groups
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-group-not-on-council"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker warns         |

    @s9-group-not-on-council
    Scenario: The council's groups are not known
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Independent Alliance"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-group-not-on-council"

  Rule: Section 9 posts go to the largest groups holding a tenth of the seats
    Posts go to the largest political groups that each hold at least one tenth of the council's
    seats; where only one group does, it and the next largest group are entitled (Hansard,
    written answer, 4 March 2002; the text of section 9(2) is unconfirmed).
    https://api.parliament.uk/historic-hansard/written-answers/2002/mar/04/allowances-local-government

    @s9-group-below-one-tenth
    Scenario: Two groups hold a tenth of the seats, and the assistant serves a third, smaller group
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Green Group"
      And the council has 61 seats
      And the "Progress Group" is one of the council's political groups, with 40 seats
      And the "Civic Group" is one of the council's political groups, with 15 seats
      And the "Green Group" is one of the council's political groups, with 5 seats
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-group-below-one-tenth"
      And the finding rests on unconfirmed law
      And the finding reads "holds 5 of the council's 61 seats"

    @s9-group-below-one-tenth
    Scenario: Only one group holds a tenth of the seats, so the next largest also qualifies
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Green Group"
      And the council has 61 seats
      And the "Progress Group" is one of the council's political groups, with 50 seats
      And the "Green Group" is one of the council's political groups, with 6 seats
      And the "Independents Group" is one of the council's political groups, with 4 seats
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-group-below-one-tenth"

    @s9-group-below-one-tenth
    Scenario: Only one group holds a tenth, and the assistant serves the smaller of the rest
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Independents Group"
      And the council has 61 seats
      And the "Progress Group" is one of the council's political groups, with 50 seats
      And the "Green Group" is one of the council's political groups, with 6 seats
      And the "Independents Group" is one of the council's political groups, with 4 seats
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-group-below-one-tenth"

    @s9-group-below-one-tenth
    Scenario: The Newham Independents Group, 3 of 66 seats, tied for next largest while Labour alone held a tenth
      Given a post titled "Political Assistant"
      And the post belongs to the "London Borough of Newham"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Newham Independents Group"
      When the post is checked as the law stood on "1 June 2025"
      Then the checker finds nothing under "s9-group-below-one-tenth"

    @s9-group-below-one-tenth
    Scenario: The council's seats are not known
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the post serves the "Green Group"
      And the "Progress Group" is one of the council's political groups, with 40 seats
      And the "Green Group" is one of the council's political groups, with 5 seats
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-group-below-one-tenth"
