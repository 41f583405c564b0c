/**
 * The commonest passwords of public breach corpora, 8 characters or longer (shorter ones are refused
 * by length anyway). Compared case-insensitively.
 */
const COMMON = `password 12345678 123456789 1234567890 qwertyuiop password1 password123 iloveyou1 11111111
00000000 qwerty123 1q2w3e4r 1qaz2wsx abc12345 abcd1234 sunshine princess1 football baseball welcome1
welcome123 admin123 administrator letmein1 trustno1 passw0rd p@ssw0rd p@ssword monkey123 dragon123 superman
starwars whatever1 michael1 jennifer shadow12 master123 qwertyui asdfghjk zxcvbnm1 zaq12wsx 987654321
123123123 12341234 11223344 1234qwer q1w2e3r4 q1w2e3r4t5 qazwsxedc 88888888 66666666 55555555 12344321
computer internet changeme changeme1 default1 secret123 testtest test1234 password12 passport football1
basketball charlie1 freedom1 jordan23 liverpool chelsea1 arsenal1 manchester pokemon1 naruto123 samsung1
iphone123 google123 facebook linkedin1 yankees1 mustang1 batman123 spiderman pakistan indonesia philippines
manila123 cebu1234 qwerty12 q1w2e3r4t5y6 1q2w3e4r5t 1q2w3e4r5t6y aa123456 a1234567 a12345678 abc123456
123456abc 123qweasd qweasdzxc asdf1234 asdfasdf loveyou1 iloveyou sweetheart letmein123 hello123 hellohello
gdsacademy gds12345`;

const COMMON_SET = new Set(COMMON.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_SET.has(password.toLowerCase());
}
