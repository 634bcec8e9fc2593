// Header texts schools write for a column every form with people has (FORMS.md aliases), in one
// place so the roster, activity and training imports recognise the same ones.
export const ID_NUMBER_ALIASES = ['身份证号', '公民身份号码', '身份证', '身份证件号码'] as const
