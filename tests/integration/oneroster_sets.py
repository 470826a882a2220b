"""OneRoster CSV sets written by hand from the 1.1 and 1.2 specifications, for the import
tests: a bulk set of each version and deltas that follow them."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

MANIFEST_1_1 = """\
propertyName,value
manifest.version,1.0
oneroster.version,1.1
file.academicSessions,{mode}
file.categories,absent
file.classes,{mode}
file.courses,{mode}
file.demographics,{mode}
file.enrollments,{mode}
file.lineItems,absent
file.orgs,{mode}
file.results,absent
file.users,{mode}
"""
ORGS = """\
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
d1,active,2026-08-01T00:00:00Z,Lakeside District,district,LSD,
s1,active,2026-08-01T00:00:00Z,Lakeside Elementary,school,,d1
"""
SESSIONS = """\
sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
y1,active,2026-08-01T00:00:00Z,2026-2027,schoolYear,2026-08-17,2027-06-11,,2027
t1,active,2026-08-01T00:00:00Z,Fall,term,2026-08-17,2027-01-15,y1,2027
"""
COURSES = """\
sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
c1,active,2026-08-01T00:00:00Z,y1,Math 4,M4,04,d1,Mathematics,
"""
CLASSES = """\
sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
k1,active,2026-08-01T00:00:00Z,Math 4 - A,04,c1,M4A,scheduled,Room 4,s1,"y1,t1",Mathematics,,1
"""
USERS_1_1 = """\
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
u1,active,2026-08-01T00:00:00Z,true,s1,teacher,tina,,Tina,Teach,,T1,tina@lakeside.example,,,,,
u2,active,2026-08-01T00:00:00Z,true,s1,student,sam,{LDAP:7},Sam,Study,Q,S2,,,,,04,
u3,active,2026-08-01T00:00:00Z,false,"s1,d1",student,sue,,Sue,Smart,,S3,,,,,"04,05",
"""
ENROLLMENTS = """\
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
e1,active,2026-08-01T00:00:00Z,k1,s1,u1,teacher,true,2026-08-17,2027-06-11
e2,active,2026-08-01T00:00:00Z,k1,s1,u2,student,false,,
e3,active,2026-08-01T00:00:00Z,k1,s1,u3,student,false,,
"""
DEMOGRAPHICS = """\
sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
u2,active,2026-08-01T00:00:00Z,2016-04-02,female,false,false,false,false,true,false,true,US,,,
"""

BULK_1_1 = {
    "manifest.csv": MANIFEST_1_1.format(mode="bulk"),
    "orgs.csv": ORGS,
    "academicSessions.csv": SESSIONS,
    "courses.csv": COURSES,
    "classes.csv": CLASSES,
    "users.csv": USERS_1_1,
    "enrollments.csv": ENROLLMENTS,
    "demographics.csv": DEMOGRAPHICS,
}

# After BULK_1_1: Sam renamed, a stale row for Sue (older than what is stored), Ulla new; one
# enrollment retired, Ulla enrolled.
DELTA_1_1 = {
    "manifest.csv": MANIFEST_1_1.format(mode="absent")
    .replace("file.users,absent", "file.users,delta")
    .replace("file.enrollments,absent", "file.enrollments,delta"),
    "users.csv": """\
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
u2,active,2026-09-01T00:00:00Z,true,s1,student,sam,,Samuel,Study,Q,S2,,,,,04,
u3,active,2026-07-01T00:00:00Z,false,"s1,d1",student,sue,,Susan,Smart,,S3,,,,,"04,05",
u4,active,2026-09-01T00:00:00Z,true,s1,student,ulla,,Ulla,New,,S4,,,,,04,
""",
    "enrollments.csv": """\
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
e3,tobedeleted,2026-09-01T00:00:00Z,,,,,,,
e4,active,2026-09-01T00:00:00Z,k1,s1,u4,student,false,,
""",
}

MANIFEST_1_2 = """\
propertyName,value
manifest.version,1.0
oneroster.version,1.2
file.academicSessions,{mode}
file.classes,{mode}
file.courses,{mode}
file.demographics,absent
file.enrollments,{mode}
file.orgs,{mode}
file.roles,{mode}
file.userProfiles,absent
file.users,{mode}
"""
USERS_1_2 = """\
sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns
u1,active,2026-08-01T00:00:00Z,true,tina,,Tina,Teach,,T1,tina@lakeside.example,,,,,,,,,,,s1,she/her
u2,active,2026-08-01T00:00:00Z,true,sam,,Sam,Study,,S2,,,,,04,,,,Sammy,,,s1,
"""
ROLES_1_2 = """\
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
r1,active,2026-08-01T00:00:00Z,u1,primary,teacher,2026-08-17,,s1,
r2,active,2026-08-01T00:00:00Z,u1,secondary,districtAdministrator,,,d1,
r3,active,2026-08-01T00:00:00Z,u2,primary,student,,,s1,
"""
BULK_1_2 = {
    "manifest.csv": MANIFEST_1_2.format(mode="bulk"),
    "orgs.csv": ORGS,
    "academicSessions.csv": SESSIONS,
    "courses.csv": COURSES,
    "classes.csv": CLASSES,
    "users.csv": USERS_1_2,
    "roles.csv": ROLES_1_2,
    "enrollments.csv": ENROLLMENTS.replace(
        "e3,active,2026-08-01T00:00:00Z,k1,s1,u3,student,false,,\n", ""
    ),
}
# After BULK_1_2: Tina's district role retired and a new counselor role added, by roles.csv
# alone (users.csv does not list her).
DELTA_ROLES_1_2 = {
    "manifest.csv": MANIFEST_1_2.format(mode="absent").replace(
        "file.roles,absent", "file.roles,delta"
    ),
    "roles.csv": """\
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
r2,tobedeleted,2026-09-01T00:00:00Z,u1,,,,,,
r4,active,2026-09-01T00:00:00Z,u1,secondary,counselor,,,s1,
""",
}


def write_set(folder: Path, files: dict[str, str]) -> Path:
    """Write a set's files into `folder`, with CRLF endings as most SIS exports have."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(dedent(text).replace("\n", "\r\n").encode())
    return folder


def zip_set(files: dict[str, str]) -> bytes:
    """The set as a zip, as a district uploads it."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, dedent(text))
    return buffer.getvalue()
