package fr.saisine.platform.appeal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The public holidays of the Code du travail (art. L3133-1) that close the courts nationwide:
 * eight fixed days, and Easter Monday, Ascension Thursday and Whit Monday, which follow Easter.
 */
final class FrenchPublicHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private FrenchPublicHolidays() {
    }

    static boolean isHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        return day.equals(easter.plusDays(1)) // lundi de Pâques
                || day.equals(easter.plusDays(39)) // Ascension
                || day.equals(easter.plusDays(50)); // lundi de Pentecôte
    }

    /** Easter Sunday in the Gregorian calendar: the anonymous (Meeus/Jones/Butcher) algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
