// Widely published most-common passwords of 8+ characters (shorter ones fail the length rule anyway).
const LIST = `
password 12345678 123456789 1234567890 qwertyuiop password1 password123 iloveyou 11111111 00000000 sunshine1
princess1 football1 baseball1 welcome1 welcome123 abc12345 abcd1234 qwerty123 qwerty12 1q2w3e4r 1q2w3e4r5t
1qaz2wsx zaq12wsx qazwsxedc passw0rd p@ssw0rd p@ssword passw0rd1 letmein1 letmein123 trustno1 starwars1
dragon123 monkey123 master123 shadow123 superman1 batman123 michael1 jennifer1 jordan23 charlie1 liverpool
chelsea1 arsenal1 manchester computer internet whatever1 freedom1 sunshine princess football baseball welcome
iloveyou1 iloveyou2 loveyou1 lovely123 babygirl1 butterfly superstar mustang1 harley123 ranger123 hunter123
killer123 soccer123 hockey123 matrix123 nicole123 jessica1 ashley123 michelle1 daniel123 andrew123 joshua123
123123123 12341234 123454321 123456abc 123456789a 12345678a a1234567 a12345678 aa123456 aa12345678 asdf1234
asdfghjkl asdfasdf zxcvbnm1 zxcvbnm123 qwertyui qwertyu1 1234qwer q1w2e3r4 q1w2e3r4t5 11223344 12121212
88888888 99999999 66666666 77777777 55555555 22222222 33333333 44444444 87654321 98765432 987654321 10203040
123qweasd 1234abcd abcdefgh abcdefg1 password12 password2 password7 password01 passwort1 motdepasse
contraseña contrasena senha123 parola123 changeme changeme1 admin123 admin1234 administrator root1234
default1 secret123 test1234 testing123 guest1234 letmein! welcome! password! qwerty!@ iloveu123 sexy1234
samsung1 google123 facebook1 linkedin1 microsoft apple123 pokemon1 minecraft fortnite1 roblox123 naruto123
chocolate1 cookie123 pepper123 summer2024 summer2025 summer2026 winter2024 winter2025 winter2026 spring2025
autumn2025 january1 december1 college1 student1 student123 school123 teacher1 labmate1 labmate123
`;

/** Lower-cased common passwords a new account may not use. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
