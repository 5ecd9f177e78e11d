@statutory-basis
Feature: Statutory basis
  A post created under a statute must cite the statute that creates it, correctly.

  Rule: Political assistants are appointed under section 9 of the Local Government and Housing Act 1989
    # Section 9 of the 1989 Act lets a council create up to three posts to assist the members of
    # political groups. https://www.legislation.gov.uk/ukpga/1989/42/section/9

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
