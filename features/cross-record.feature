@cross-record
Feature: A council's posts judged together
  Some of the law is about a council's posts as a set, not about one post: how many political
  assistants a council may have, and how many each group may have. These rules judge all the
  posts of a council's establishment together, and name every post a finding is about.

  Rule: A council may have at most three posts under section 9 at any one time
    Section 9(2)(c) of the Local Government and Housing Act 1989 limits the posts a council may
    appoint to assist its political groups to three.
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @s9-posts-over-three
    Scenario: Four posts are established under section 9
      Given the council has 48 seats
      And the establishment lists these posts:
        | post number | title               | established under | serves                   |
        | PA1         | Political Assistant | s.9 LGHA 1989     | Progress Group           |
        | PA2         | Political Assistant | s.9 LGHA 1989     | Civic Independents Group |
        | PA3         | Political Assistant | s.9 LGHA 1989     | Green Group              |
        | PA4         | Research Assistant  | s.9 LGHA 1989     |                          |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "s9-posts-over-three"
      And the finding rests on the statute
      And the finding names the posts "PA1, PA2, PA3, PA4"
      And the finding reads "has 4 posts established under section 9"

    @s9-posts-over-three
    Scenario: Three posts, one of them described twice, are three posts
      Given the council has 48 seats
      And the establishment lists these posts:
        | post number | title               | established under |
        | PA1         | Political Assistant | s.9 LGHA 1989     |
        | PA1         | Political Assistant | s.9 LGHA 1989     |
        | PA2         | Political Assistant | s.9 LGHA 1989     |
        | PA3         | Political Assistant | s.9 LGHA 1989     |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-posts-over-three"

    @s9-posts-over-three
    Scenario: A fourth post whose fixed term has already ended is not counted
      Given the council has 48 seats
      And the establishment lists these posts:
        | post number | title               | established under | term ends   |
        | PA1         | Political Assistant | s.9 LGHA 1989     |             |
        | PA2         | Political Assistant | s.9 LGHA 1989     |             |
        | PA3         | Political Assistant | s.9 LGHA 1989     |             |
        | PA4         | Political Assistant | s.9 LGHA 1989     | 7 May 2026  |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-posts-over-three"

    @s9-posts-over-three
    Scenario: Posts at two councils are counted council by council
      Given the establishment lists these posts:
        | council                    | post number | established under |
        | Borchester Borough Council | PA1         | s.9 LGHA 1989     |
        | Borchester Borough Council | PA2         | s.9 LGHA 1989     |
        | Felpersham City Council    | PA1         | s.9 LGHA 1989     |
        | Felpersham City Council    | PA2         | s.9 LGHA 1989     |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-posts-over-three"

  Rule: Each political group is understood to be entitled to one assistant
    Secondary sources, including a written answer in Hansard of 4 March 2002, read section 9 as
    allowing one assistant for each political group; the statutory text is unconfirmed.
    https://api.parliament.uk/historic-hansard/written-answers/2002/mar/04/allowances-local-government

    @s9-posts-per-group-over-one
    Scenario: Two assistants serve the Green Group, named two ways
      Given the council has 48 seats
      And the establishment lists these posts:
        | post number | title                                   | established under | serves          |
        | PA1         | Political Assistant                     | s.9 LGHA 1989     | Green Group     |
        | PA2         | Political Assistant to the Green Group  |                   | the Green group |
        | PA3         | Political Assistant                     | s.9 LGHA 1989     | Progress Group  |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker warns under "s9-posts-per-group-over-one"
      And the finding rests on unconfirmed law
      And the finding names the posts "PA1, PA2"

    @s9-posts-per-group-over-one
    Scenario: Each group has one assistant
      Given the council has 48 seats
      And the establishment lists these posts:
        | post number | title               | established under | serves         |
        | PA1         | Political Assistant | s.9 LGHA 1989     | Green Group    |
        | PA2         | Political Assistant | s.9 LGHA 1989     | Progress Group |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "s9-posts-per-group-over-one"

  Rule: An elected mayor may appoint one assistant
    Regulation 3(1) of the Local Authorities (Elected Mayor and Mayor's Assistant) (England)
    Regulations 2002 lets an elected mayor appoint one assistant.
    https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made

    @mayors-assistants-over-one
    Scenario: Two mayor's assistants in post at the same time
      Given the council has a directly elected mayor whose term ends on "6 May 2030"
      And the establishment lists these posts:
        | post number | title                   | established under            |
        | MA1         | Mayor's Assistant       | Regulation 3 of SI 2002/975  |
        | MA2         | Mayor's Policy Assistant| reg 3 SI 2002/975            |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker reports an error under "mayors-assistants-over-one"
      And the finding rests on the statute
      And the finding names the posts "MA1, MA2"

    @mayors-assistants-over-one
    Scenario: The earlier assistant's term ended before the new assistant's began
      Given the council has a directly elected mayor whose term ends on "6 May 2030"
      And the establishment lists these posts:
        | post number | title             | established under           | term ends  |
        | MA1         | Mayor's Assistant | Regulation 3 of SI 2002/975 | 7 May 2026 |
        | MA2         | Mayor's Assistant | Regulation 3 of SI 2002/975 |            |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "mayors-assistants-over-one"

  Rule: One post number is one post within a council
    A post number identifies one post in a council's establishment, including the list of
    politically restricted posts kept under section 2(2) of the Local Government and Housing Act
    1989; numbers repeat across councils legitimately.
    https://www.legislation.gov.uk/ukpga/1989/42/section/2

    @post-number-repeated
    Scenario: Two different posts share a number
      Given the establishment lists these posts:
        | council                    | post number | title              |
        | Borchester Borough Council | 1001        | Planning Officer   |
        | Borchester Borough Council | 1001        | Head of Planning   |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker warns under "post-number-repeated"
      And the finding rests on good practice
      And the finding names the posts "1001, 1001"

    @post-number-repeated
    Scenario: The same number at two councils, and one post described twice
      Given the establishment lists these posts:
        | council                    | post number | title              |
        | Borchester Borough Council | 1001        | Planning Officer   |
        | Borchester Borough Council | 1001        | Planning officer   |
        | Felpersham City Council    | 1001        | Head of Planning   |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "post-number-repeated"

  Rule: Posts with one title at one council are graded alike
    A job evaluation scheme puts the same job on the same grade, and the Equality Act 2010
    requires equal pay for work rated as equivalent; different grades for one title are worth a
    reviewer's look. https://www.legislation.gov.uk/ukpga/2010/15/section/65

    @title-grades-differ
    Scenario: Two planning officers on different grades
      Given the establishment lists these posts:
        | council                    | post number | title            | grade |
        | Borchester Borough Council | 2001        | Planning Officer | PO4   |
        | Borchester Borough Council | 2002        | Planning Officer | PO6   |
        | Borchester Borough Council | 2003        | Planning Officer | PO4   |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker notes under "title-grades-differ"
      And the finding rests on good practice
      And the finding names the posts "2001, 2002, 2003"

    @title-grades-differ
    Scenario: A digit typed for a letter is the same grade
      Given the establishment lists these posts:
        | council                    | post number | title            | grade |
        | Borchester Borough Council | 2001        | Planning Officer | PO4   |
        | Borchester Borough Council | 2002        | Planning Officer | P04   |
      When the establishment is checked as the law stood on "23 November 2026"
      Then the checker finds nothing under "title-grades-differ"
