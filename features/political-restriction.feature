@political-restriction
Feature: Political restriction
  Posts the law makes politically restricted must say so, and must give the right reason.

  Rule: A mayor's assistant is politically restricted by regulation 3(6) of the 2002 Regulations, not by section 2(1) of the 1989 Act
    # Regulation 3(6) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England)
    # Regulations 2002 makes the mayor's assistant's post politically restricted. Section 2(1) of
    # the Local Government and Housing Act 1989 lists the restricted posts and has no paragraph
    # for a mayor's assistant.
    # https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

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
    Scenario: The restriction of a mayor's assistant is put down to regulation 3(6)
      Given a post titled "Mayor's Assistant"
      And the post is established under "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      And the job description says the post is politically restricted under "regulation 3(6) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
      When the post is checked as the law stood on "23 November 2026"
      Then it does not breach "mayors-assistant-restriction-citation"

  Rule: A political assistant is restricted by paragraph (f) of section 2(1) of the 1989 Act, and the citation should say so
    # Section 2(1)(f) makes every post filled under section 9 politically restricted.
    # https://www.legislation.gov.uk/ukpga/1989/42/section/2

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
