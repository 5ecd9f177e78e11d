@political-restriction
Feature: Political restriction
  Posts the law makes politically restricted must say so, and must give the right reason.

  Rule: A mayor's assistant is politically restricted by regulation 3(6) of the 2002 Regulations, not by section 2(1) of the 1989 Act
    Regulation 3(6) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England)
    Regulations 2002 makes the mayor's assistant's post politically restricted. Section 2(1) of
    the Local Government and Housing Act 1989 lists the restricted posts and has no paragraph
    for a mayor's assistant.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-restriction-citation
    Scenario: The restriction of a mayor's assistant is put down to section 2(1) of the 1989 Act
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-restriction-citation"
      And the finding reads "restricted by reg 3(6) of SI 2002/975"

    @mayors-assistant-restriction-citation
    Scenario: The restriction of a mayor's assistant is put down to a paragraph of section 2(1)
      Given a post titled "Mayor's Assistant"
      And the post is established under "SI 2002/975, regulation 3"
      And the job description says the post is politically restricted under "s.2(1)(f) LGHA 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-restriction-citation"

    @mayors-assistant-restriction-citation
    Scenario: A ceremonial mayor's assistant is not an appointment under the 2002 Regulations
      Given a post titled "Lord Mayor's Assistant"
      And the job description does not say under what provision the post is established
      And the job description says the post is politically restricted under "section 2(1)(g) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-restriction-citation"

    @mayors-assistant-restriction-citation
    Scenario: Before the 2002 Regulations came into force on 6 May 2002 the rule is silent
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "1 June 2001"
      Then it does not breach "mayors-assistant-restriction-citation"

    @mayors-assistant-restriction-citation
    Scenario: The restriction of a mayor's assistant is put down to regulation 3(6)
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      And the job description says the post is politically restricted under "regulation 3(6) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-restriction-citation"

    @mayors-assistant-restriction-citation
    Scenario: A mayor's assistant's job description puts the restriction down to section 2(1)
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        The post is politically restricted under section 2(1) of the Local Government and Housing Act 1989.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "mayors-assistant-restriction-citation"
      And the finding rests on the statute
      And the finding points at line 3

    @mayors-assistant-restriction-citation @mayors-assistant-restriction-not-stated
    Scenario: Section 2 cited as extended to the post by regulation 3(6) is an accurate citation
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        The post is politically restricted under section 2 of the Local Government and Housing Act 1989, as extended to this post by regulation 3(6) of the 2002 Regulations.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistant-restriction-citation"
      And the checker finds nothing under "mayors-assistant-restriction-not-stated"

    @mayors-assistant-restriction-citation
    Scenario Outline: A mayor's assistant's restriction put down to section 2(1), judged <when> 6 May 2002
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "mayors-assistant-restriction-citation"

      Examples:
        | when           | day        | outcome                      |
        | the day before | 5 May 2002 | the checker finds nothing    |
        | on             | 6 May 2002 | the checker reports an error |

  Rule: A political assistant is restricted by paragraph (f) of section 2(1) of the 1989 Act, and the citation should say so
    Section 2(1)(f) makes every post filled under section 9 politically restricted.
    https://www.legislation.gov.uk/ukpga/1989/42/section/2

    @s9-restriction-paragraph
    Scenario: A political assistant's restriction cites section 2(1) without a paragraph
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-restriction-paragraph"

    @s9-restriction-paragraph
    Scenario: A political assistant's restriction cites section 2(1)(f)
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description says the post is politically restricted under "section 2(1)(f) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-restriction-paragraph"

    @s9-restriction-paragraph @statutory-bases-conflict
    Scenario: A basis citing both section 9 and regulation 3 does not silence the note on a bare section 2(1)
      Given the job description says:
        """
        Job Title: Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Statutory basis: Regulation 3 of SI 2002/975
        The post is politically restricted under section 2(1) of the Local Government and Housing Act 1989.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker notes under "s9-restriction-paragraph"
      And the checker warns under "statutory-bases-conflict"

    @s9-restriction-paragraph
    Scenario Outline: A bare section 2(1), judged <when> 1 August 1990
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-restriction-paragraph"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker notes         |

  Rule: A political assistant's post is politically restricted, and the job description should say so
    Section 2(1)(f) of the Local Government and Housing Act 1989 restricts every post filled under
    section 9; section 1 bars the holder from being a councillor. The restriction applies whatever
    the job description says (section 1(5) makes it part of the terms of appointment), so silence
    is a warning to inform applicants, not a breach of the Act.
    https://www.legislation.gov.uk/ukpga/1989/42/section/2

    @s9-restriction-not-stated
    Scenario: A political assistant's job description is silent about political restriction
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description does not say whether the post is politically restricted
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-restriction-not-stated"

    @s9-restriction-not-stated
    Scenario: A post titled as a political assistant that states no statutory basis is not judged under section 9
      Given a post titled "Labour Group Political Assistant"
      And the job description does not say under what provision the post is established
      And the job description does not say whether the post is politically restricted
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-restriction-not-stated"

    @s9-restriction-not-stated
    Scenario: A political assistant's job description says the post is restricted
      Given a post titled "Labour Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says the post is politically restricted under "s.2(1)(f) LGHA 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-restriction-not-stated"

    @s9-restriction-not-stated
    Scenario: A political assistant's job description says nothing about political restriction
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        The post-holder will support the Group's councillors in their work as members.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-restriction-not-stated"
      And the finding rests on an inference

    @s9-restriction-not-stated @assistant-stated-not-restricted
    Scenario Outline: "<sentence>" states that the post is restricted
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        <sentence>
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-restriction-not-stated"
      And the checker finds nothing under "assistant-stated-not-restricted"

      Examples:
        | sentence                                                          |
        | This post is not exempt from political restriction.               |
        | This post cannot be exempted from political restriction.          |
        | The post is not exempt from the political restrictions.           |
        | The post is politically restricted and cannot be exempted.        |

    @s9-restriction-not-stated @assistant-stated-not-restricted
    Scenario: A job description that says the post is not restricted is not silent: it is an error, reported once
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        This post is not politically restricted.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-restriction-not-stated"
      And the checker reports an error under "assistant-stated-not-restricted"

    @s9-restriction-not-stated @mayors-assistant-restriction-not-stated
    Scenario: A basis citing both section 9 and regulation 3 does not silence the warning, which is given once
      Given the job description says:
        """
        Job Title: Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Statutory basis: Regulation 3 of SI 2002/975
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-restriction-not-stated"
      And the checker finds nothing under "mayors-assistant-restriction-not-stated"

    @s9-restriction-not-stated
    Scenario Outline: A silent political assistant's job description, judged <when> 1 August 1990
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description does not say whether the post is politically restricted
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-restriction-not-stated"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 31 July 1990  | the checker finds nothing |
        | on             | 1 August 1990 | the checker warns         |

  Rule: A mayor's assistant's post is politically restricted, and the job description should say so
    Regulation 3(6) of the 2002 Regulations makes the post politically restricted, whatever the
    job description says; silence is a warning to inform applicants, not a breach.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistant-restriction-not-stated
    Scenario: A mayor's assistant's job description is silent about political restriction
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description does not say whether the post is politically restricted
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "mayors-assistant-restriction-not-stated"

    @mayors-assistant-restriction-not-stated
    Scenario: A mayor's assistant's job description says the post is restricted
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description says the post is politically restricted under "regulation 3(6) of SI 2002/975"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-restriction-not-stated"

    @mayors-assistant-restriction-not-stated @statutory-bases-conflict
    Scenario: A mayor's assistant appointed under section 9 as applied by regulation 3(7), silent about restriction
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989 as applied by regulation 3(7) of the 2002 Regulations.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "mayors-assistant-restriction-not-stated"
      And the checker finds nothing under "statutory-bases-conflict"

    @mayors-assistant-restriction-not-stated
    Scenario: A mayor's assistant's job description says the post cannot be exempted from political restriction
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        This post cannot be exempted from political restriction.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistant-restriction-not-stated"

    @mayors-assistant-restriction-not-stated
    Scenario Outline: A silent mayor's assistant's job description, judged <when> 6 May 2002
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description does not say whether the post is politically restricted
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "mayors-assistant-restriction-not-stated"

      Examples:
        | when           | day        | outcome                   |
        | the day before | 5 May 2002 | the checker finds nothing |
        | on             | 6 May 2002 | the checker warns         |

  Rule: A political or mayor's assistant's post is not said to be free of political restriction
    Section 2(1)(f) of the Local Government and Housing Act 1989 restricts every post filled under
    section 9, and regulation 3(6) of the 2002 Regulations restricts the mayor's assistant; neither
    can be exempted. A job description that says the post is not restricted, or is exempt,
    misstates its terms.
    https://www.legislation.gov.uk/ukpga/1989/42/section/2
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @assistant-stated-not-restricted
    Scenario: A political assistant's job description says the post is not politically restricted
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        This post is not politically restricted.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "assistant-stated-not-restricted"
      And the finding rests on the statute
      And the finding points at line 3

    @assistant-stated-not-restricted @mayors-assistant-restriction-not-stated
    Scenario: A mayor's assistant's job description says the post is exempt from political restriction
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        The post is exempt from political restriction.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "assistant-stated-not-restricted"
      And the checker finds nothing under "mayors-assistant-restriction-not-stated"

    @assistant-stated-not-restricted
    Scenario: A job description that says the post is not exempt from restriction says it is restricted
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        This post is not exempt from political restriction.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "assistant-stated-not-restricted"

    @assistant-stated-not-restricted
    Scenario: A post called a political assistant that states no basis is not judged by its title
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is not politically restricted.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "assistant-stated-not-restricted"

    @assistant-stated-not-restricted @statutory-bases-conflict
    Scenario: A basis citing both section 9 and regulation 3 does not silence the error
      Given the job description says:
        """
        Job Title: Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Statutory basis: Regulation 3 of SI 2002/975
        This post is not politically restricted.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "assistant-stated-not-restricted"
      And the checker warns under "statutory-bases-conflict"

    @assistant-stated-not-restricted
    Scenario Outline: A political assistant said not to be restricted, judged <when> 1 August 1990
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        This post is not politically restricted.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "assistant-stated-not-restricted"

      Examples:
        | when           | day           | outcome                      |
        | the day before | 31 July 1990  | the checker finds nothing    |
        | on             | 1 August 1990 | the checker reports an error |

  Rule: A political assistant's restriction is not put down to another paragraph of section 2(1)
    Paragraph (f) is for section 9 posts; paragraph (g) is the list of sensitive posts, which
    alone can be exempted under section 3A. https://www.legislation.gov.uk/ukpga/1989/42/section/2

    @s9-restriction-wrong-paragraph
    Scenario: A political assistant's restriction is put down to section 2(1)(g)
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description says the post is politically restricted under "section 2(1)(g) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "s9-restriction-wrong-paragraph"

    @s9-restriction-wrong-paragraph @s9-restriction-paragraph
    Scenario: Section 2(1) without a paragraph is a note, not a wrong paragraph
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 of the Local Government & Housing Act 1989"
      And the job description says the post is politically restricted under "section 2(1) of the Local Government and Housing Act 1989"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "s9-restriction-wrong-paragraph"
      And it breaches "s9-restriction-paragraph"

    @s9-restriction-wrong-paragraph
    Scenario: A political assistant's restriction is put down to regulation 3(6), the mayor's assistant's provision
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        The post is politically restricted under regulation 3(6).
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "s9-restriction-wrong-paragraph"
      And the finding rests on the statute
      And the finding reads "restricted by s.2(1)(f)"

    @s9-restriction-wrong-paragraph
    Scenario: A mayor's assistant's restriction put down to regulation 3(6) is not a political assistant's wrong citation
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002.
        The post is politically restricted under regulation 3(6).
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-restriction-wrong-paragraph"

    @s9-restriction-wrong-paragraph
    Scenario: A basis citing both section 9 and regulation 3 does not silence a wrong paragraph
      Given the job description says:
        """
        Job Title: Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.
        Statutory basis: Regulation 3 of SI 2002/975
        The post is politically restricted under section 2(1)(g) of the Local Government and Housing Act 1989.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "s9-restriction-wrong-paragraph"

    @s9-restriction-wrong-paragraph
    Scenario Outline: A wrong paragraph, judged <when> 1 August 1990
      Given a post titled "Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says the post is politically restricted under "s.2(1)(g) LGHA 1989"
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "s9-restriction-wrong-paragraph"

      Examples:
        | when           | day           | outcome                      |
        | the day before | 31 July 1990  | the checker finds nothing    |
        | on             | 1 August 1990 | the checker reports an error |

  Rule: In England a post is no longer restricted because of its salary
    Section 30 of the Local Democracy, Economic Development and Construction Act 2009 removed the
    salary-based category of restricted post in England (text not confirmed; reported in force in
    January 2010), so a job description that gives the pay as the reason for the restriction
    gives a reason the law no longer recognises.
    Address: https://www.legislation.gov.uk/ukpga/2009/20/section/30

    @restriction-by-salary
    Scenario: A job description explains the restriction by the salary
      Given the job description says:
        """
        Job Title: Head of Policy
        Grade: PO8

        Political restriction
        This post is politically restricted because its salary is above the threshold.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restriction-by-salary"
      And the finding rests on unconfirmed law
      And the finding points at line 5

    @restriction-by-salary
    Scenario: A job description explains the restriction by the post's duties, not its pay
      Given the job description says:
        """
        Job Title: Head of Policy
        Grade: PO8

        Political restriction
        This post is politically restricted because it regularly advises the Cabinet, not because of its salary.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restriction-by-salary"

    @restriction-by-salary
    Scenario: The restriction is explained by a spinal column point
      Given a post titled "Head of Policy"
      And the job description says "The post is restricted as it is paid at or above spinal column point 44." about political restriction
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "restriction-by-salary"

    @restriction-by-salary
    Scenario: Saying both that the post is restricted and that its pay must stay below the section 9 limit is not a salary-based restriction
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says "This post is politically restricted under s.2(1)(f) of the Local Government and Housing Act 1989 and its remuneration must stay below the relevant amount under s.9(3)." about political restriction
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "restriction-by-salary"

    @restriction-by-salary
    Scenario: Before the change in 2010 a salary-based restriction was correct
      Given a post titled "Head of Policy"
      And the job description says "This post is politically restricted because its salary is above the threshold." about political restriction
      When the post is checked as the law stood on "1 June 2009"
      Then it does not breach "restriction-by-salary"

  Rule: A post restricted by law cannot be exempted
    Section 3A(2)(a) and (3) of the Local Government and Housing Act 1989: only a post on the list
    of sensitive posts can be exempted, by the head of paid service. A political assistant
    (section 2(1)(f)) and a mayor's assistant (regulation 3(6) of the 2002 Regulations) are
    restricted by name, so a job description must not offer them exemption.
    Address: https://www.legislation.gov.uk/ukpga/1989/42/section/3A

    @restricted-post-exemption-offered
    Scenario: A political assistant's job description states the restriction and offers exemption in one sentence
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.

        Political restriction
        This post is politically restricted, but the post-holder may apply to the Head of Paid
        Service for exemption.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-post-exemption-offered"
      And the finding rests on an inference

    @restricted-post-exemption-offered
    Scenario: A political assistant's job description says the post is not exempt
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.

        Political restriction
        This post is politically restricted under section 2(1)(f) of the Local Government and
        Housing Act 1989 and is not exempt from political restriction.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-post-exemption-offered"

    @restricted-post-exemption-offered
    Scenario: A mayor's assistant is told exemption is available
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And the job description says "Exemption from political restriction is available on application." about political restriction
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "restricted-post-exemption-offered"

    @restricted-post-exemption-offered
    Scenario: Before section 3A applied in England the rule is silent
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And the job description says "The post holder may apply to the Head of Paid Service for exemption from political restriction." about political restriction
      When the post is checked as the law stood on "1 June 2007"
      Then it does not breach "restricted-post-exemption-offered"

    @restricted-post-exemption-offered
    Scenario: At an English council a political assistant is told exemption is available
      Given a post titled "Green Group Political Assistant"
      And the post belongs to the "Borchester Borough Council"
      And the post is established under "s.9 LGHA 1989"
      And the job description says "The post holder may apply to the Head of Paid Service for exemption from political restriction." about political restriction
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-post-exemption-offered"

    @restricted-post-exemption-offered
    Scenario: At a Welsh council the rule is silent, as section 3A is England's
      Given a post titled "Green Group Political Assistant"
      And the council is in Wales
      And the post is established under "s.9 LGHA 1989"
      And the job description says "The post holder may apply to the Head of Paid Service for exemption from political restriction." about political restriction
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "restricted-post-exemption-offered"

    @restricted-post-exemption-offered
    Scenario: A sensitive post may say that exemption can be sought
      Given the job description says:
        """
        Job Title: Policy Officer

        This post is politically restricted. The post holder may apply to the Head of Paid
        Service for exemption.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-post-exemption-offered"

  Rule: A politically restricted post-holder may not canvass for a party or a candidate
    Schedule, Part I, paragraph 5 of the Local Government Officers (Political Restrictions)
    Regulations 1990, part of the terms of every restricted post (regulation 3(1)(a)). Every
    sentence of the job description is read for what it asks; canvassing views is not canvassing
    for a party, and a sentence that forbids canvassing does not ask for it. Because meaning is
    read from wording, the finding is a warning.
    Address: https://www.legislation.gov.uk/uksi/1990/851/schedules/made

    @restricted-duty-canvassing
    Scenario Outline: A duty to canvass, judged <when> the 1990 Regulations came into force
      Given the job description says:
        """
        Job Title: Green Group Political Assistant
        This post is established under section 9 of the Local Government and Housing Act 1989.

        Key Tasks

        1. To canvass for the Group's candidates at local elections.
        2. To prepare briefings for members of the Group.
        """
      When the post is checked as the law stood on "<day>"
      Then <outcome> under "restricted-duty-canvassing"

      Examples:
        | when           | day           | outcome                   |
        | the day before | 30 April 1990 | the checker finds nothing |
        | the day        | 1 May 1990    | the checker warns         |

    @restricted-duty-canvassing
    Scenario: An instruction in a list of duties asks the assistant to canvass, in other words
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s9 LGHA

        Main duties
        - Research and draft briefings for Group members.
        - Canvass support for the Group's candidates in the run-up to the borough
          elections, and go door-knocking in target wards.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-duty-canvassing"
      And the finding rests on an inference
      And the finding points at line 6

    @restricted-duty-canvassing
    Scenario: Canvassing residents' views on a consultation, and a prohibition of canvassing, ask for nothing forbidden
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s9 LGHA

        Main duties
        - Canvass voters on their views about the draft Local Plan consultation.
        - The post-holder must not canvass on behalf of a party or candidate.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-canvassing"

    @restricted-duty-canvassing
    Scenario: A duty asks a mayor's assistant to organise door-knocking before polling day
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And one of the duties is "To organise door-knocking in the ward before polling day."
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "restricted-duty-canvassing"

    @restricted-duty-canvassing @restricted-duty-candidacy @restricted-duty-election-agent @restricted-duty-party-office
    Scenario: Political advice, campaigns, communications and press work are not prohibited activities
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of SI 2002/975"
      And one of the duties is "To work closely with the Mayor to provide her with comprehensive political advice and support in her capacity as Directly Elected Mayor."
      And one of the duties is "To lead on the political aspects of the development and delivery of the Mayor's campaigns and communications, working with the Mayor's External Affairs and Communications Adviser, other officers and partners locally and more widely as appropriate."
      And one of the duties is "To prepare or provide political input into newsletters and press releases for the Mayor and support the handling media enquiries or opportunities."
      And one of the duties is "To canvass the views of residents and community groups on the Mayor's priorities."
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "restricted-duty-canvassing"
      And it does not breach "restricted-duty-candidacy"
      And it does not breach "restricted-duty-election-agent"
      And it does not breach "restricted-duty-party-office"

  Rule: A politically restricted post-holder may not announce a candidacy for Parliament or a council
    Schedule, Part I, paragraph 1 of the Local Government Officers (Political Restrictions)
    Regulations 1990. Elections inside a group, and supporting councillors who stand, are not
    candidacy for Parliament or a council. The finding is a warning.
    Address: https://www.legislation.gov.uk/uksi/1990/851/schedules/made

    @restricted-duty-candidacy
    Scenario: A mayor's assistant is expected to stand for election, in prose
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of the Local Authorities (Elected Mayor and
        Mayor's Assistant) (England) Regulations 2002.

        Overview
        The post-holder supports the Mayor's office. Standing as the party's candidate in
        ward by-elections is part of the role.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-duty-candidacy"
      And the finding rests on an inference

    @restricted-duty-candidacy
    Scenario: Standing for election as Group Secretary at the Group's AGM is not a public election
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s.9 of the Local Government and Housing Act 1989

        Main duties
        - Stand for election as Group Secretary at the Group's AGM.
        - Brief Group members who stand for election to committee chairs.
        - As the post is politically restricted, the post holder may not stand for election.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-candidacy"

    @restricted-duty-candidacy
    Scenario: A duty asks a political assistant to stand for election
      Given a post titled "Green Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And one of the duties is "To stand as a candidate for the council at the next borough elections."
      When the post is checked as the law stood on "23 November 2026"
      Then it breaches "restricted-duty-candidacy"

  Rule: A politically restricted post-holder may not act as an election agent or sub-agent
    Schedule, Part I, paragraph 3 of the Local Government Officers (Political Restrictions)
    Regulations 1990. A counting or polling agent at the count, and liaising with a party's
    election agent, are different roles. The finding is a warning.
    Address: https://www.legislation.gov.uk/uksi/1990/851/schedules/made

    @restricted-duty-election-agent
    Scenario: A restricted officer is asked, in a table, to act as sub-agent
      Given the job description says:
        """
        Job Title: Head of Policy

        This post is politically restricted.

        Area	What the post-holder does
        Elections	Acting as sub-agent for the Group's candidates at the borough elections.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-duty-election-agent"
      And the finding rests on an inference

    @restricted-duty-election-agent
    Scenario: A counting agent at the count, and liaising with the election agent, are not election agents
      Given the job description says:
        """
        Job Title: Political Assistant to the Green Group
        Statutory basis: s.9 LGHA 1989

        Main duties
        - To act as a counting agent at the count.
        - To liaise with the party's election agent on casework.
        - To act as agent for the Group Leader in dealings with officers.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-election-agent"

    @restricted-duty-election-agent
    Scenario: A duty to act as a go-between is not acting as an agent
      Given a post titled "Newham Independents Group Political Assistant"
      And the post is established under "s.9 LGHA 1989"
      And one of the duties is "To act as a conduit between Members and Officers."
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "restricted-duty-election-agent"

  Rule: A politically restricted post-holder may not manage a party or branch, or act for it
    Schedule, Part I, paragraph 4 of the Local Government Officers (Political Restrictions)
    Regulations 1990. A council political group is not a party branch, and a trade union branch
    is not a party. The finding is a warning.
    Address: https://www.legislation.gov.uk/uksi/1990/851/schedules/made

    @restricted-duty-party-office
    Scenario: A political assistant is asked to serve as treasurer of the local party
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s.9 LGHA 1989

        Main duties
        - Serving as Treasurer of the Constituency Labour Party.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-duty-party-office"

    @restricted-duty-party-office
    Scenario: Working with the council group and its officers is not party management
      Given the job description says:
        """
        Job Title: Mayor's Assistant
        This post is established under regulation 3 of SI 2002/975.

        Key Tasks
        1. To act as secretary to the Labour Group and attend Group meetings.
        2. To support effective working relations between the Mayor, the local Labour party,
           councillors and council officers.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-party-office"

  Rule: A restricted post outside section 9 may not speak or publish to affect support for a party
    Regulation 3(1)(b) of the Local Government Officers (Political Restrictions) Regulations 1990
    and Part II of the Schedule. Political assistants appointed under section 9 are outside Part
    II; for a mayor's assistant the rule rests on an inference. The finding is a warning.
    Address: https://www.legislation.gov.uk/uksi/1990/851/schedules/made

    @restricted-duty-political-publicity
    Scenario: A restricted officer is asked to write articles promoting the ruling party
      Given the job description says:
        """
        Job Title: Head of Communications

        This post is politically restricted under section 2(1)(g) of the Local Government and
        Housing Act 1989.

        Main duties
        - Write articles for the local press promoting the ruling party's record in office.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "restricted-duty-political-publicity"
      And the finding rests on an inference

    @restricted-duty-political-publicity
    Scenario: The same duty for a political assistant under section 9 is outside Part II
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s.9 LGHA 1989

        Main duties
        - Write articles for the local press promoting the ruling party's record in office.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-political-publicity"

    @restricted-duty-political-publicity
    Scenario: Neutral council communications are not party publicity
      Given the job description says:
        """
        Job Title: Head of Communications

        This post is politically restricted.

        Main duties
        - Publish council press releases explaining the Council's budget decisions.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "restricted-duty-political-publicity"

  Rule: The holder of a politically restricted post cannot be a councillor
    Section 1(1) of the Local Government and Housing Act 1989 disqualifies the holder of a
    politically restricted post from becoming or remaining a member of any local authority, so
    the job description must not invite councillors to apply as they are. The finding is a
    warning.
    Address: https://www.legislation.gov.uk/ukpga/1989/42/section/1

    @councillors-invited-to-apply
    Scenario: A political assistant's advert welcomes applications from serving councillors
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s.9 LGHA 1989

        How to apply
        Applications are welcome from serving councillors.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker warns under "councillors-invited-to-apply"
      And the finding rests on an inference

    @councillors-invited-to-apply
    Scenario: Councillors are told they are not eligible, and experience with councillors is asked for
      Given the job description says:
        """
        Job Title: Political Assistant to the Labour Group
        Statutory basis: s.9 LGHA 1989

        Person specification
        Experience of working with councillors is essential.
        Councillors are not eligible to apply.
        """
      When the post is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "councillors-invited-to-apply"
