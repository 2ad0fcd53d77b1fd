package fr.saisine.platform.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.saisine.events.Residence;

/** The last day to appeal, each expected day worked out by hand against a calendar. */
class AppealDeadlineTests {

    @ParameterizedTest(name = "notified {0}, {1}: last day {2}")
    @CsvSource({
            // DESIGN.md's example: 3 Jan + 2 months = 3 March, which does not count (délai franc)
            "2026-01-03, METROPOLITAN_FRANCE, 2026-03-04",
            // each residence: 3 Apr + 1 = Sat 4, Easter Sunday 5, Easter Monday 6 -> Tue 7 April
            "2026-01-03, OVERSEAS,            2026-04-07",
            "2026-01-03, ABROAD,              2026-05-04"})
    void shouldCountTwoMonthsMoreOneOverseasTwoAbroadWithoutTheirFirstAndLastDays(LocalDate notified,
            Residence residence, LocalDate lastDay) {
        assertThat(AppealDeadline.lastDay(notified, residence)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "notified {0}, {1}: last day {2}")
    @CsvSource({
            // no 31 February: the period ends on the 28th, the last day is the day after
            "2026-12-31, METROPOLITAN_FRANCE, 2027-03-01",
            "2026-12-29, METROPOLITAN_FRANCE, 2027-03-01",
            // 28 Feb 2026 is a Saturday, so 1 March (Sunday) moves to Monday 2
            "2025-12-31, METROPOLITAN_FRANCE, 2026-03-02",
            "2026-03-31, METROPOLITAN_FRANCE, 2026-06-01",
            // 31 Oct (Sat), 1 Nov (Sunday and a holiday) -> Monday 2
            "2026-08-31, METROPOLITAN_FRANCE, 2026-11-02",
            "2029-10-31, METROPOLITAN_FRANCE, 2030-01-02"})
    void shouldEndAPeriodOnTheLastDayOfAShorterMonth(LocalDate notified, Residence residence, LocalDate lastDay) {
        assertThat(AppealDeadline.lastDay(notified, residence)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "notified {0}, {1}: last day {2}")
    @CsvSource({
            "2027-12-29, METROPOLITAN_FRANCE, 2028-03-01",
            "2027-12-31, METROPOLITAN_FRANCE, 2028-03-01",
            // in a leap year the day after 28 February is the 29th
            "2027-12-28, METROPOLITAN_FRANCE, 2028-02-29",
            // notified on 29 February: 29 April, then 30 (Sunday), 1 May (holiday) -> Tuesday 2 May
            "2028-02-29, METROPOLITAN_FRANCE, 2028-05-02",
            "2027-11-29, OVERSEAS,            2028-03-01",
            "2027-10-31, ABROAD,              2028-03-01"})
    void shouldCountFebruaryOfALeapYear(LocalDate notified, Residence residence, LocalDate lastDay) {
        assertThat(AppealDeadline.lastDay(notified, residence)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "{3}: notified {0}, {1}: last day {2}")
    @CsvSource({
            "2029-10-31, METROPOLITAN_FRANCE, 2030-01-02, 1 January (Tuesday)",
            "2026-02-05, METROPOLITAN_FRANCE, 2026-04-07, Easter Monday 2026",
            "2027-01-28, METROPOLITAN_FRANCE, 2027-03-30, Easter Monday 2027",
            "2028-12-30, ABROAD,              2029-05-02, 1 May (Tuesday)",
            "2026-01-30, OVERSEAS,            2026-05-04, 1 May (Friday then a weekend)",
            "2029-03-07, METROPOLITAN_FRANCE, 2029-05-09, 8 May",
            "2026-03-13, METROPOLITAN_FRANCE, 2026-05-15, Ascension 2026",
            "2027-03-05, METROPOLITAN_FRANCE, 2027-05-07, Ascension 2027",
            "2026-03-24, METROPOLITAN_FRANCE, 2026-05-26, Whit Monday 2026",
            "2027-03-16, METROPOLITAN_FRANCE, 2027-05-18, Whit Monday 2027",
            "2026-05-13, METROPOLITAN_FRANCE, 2026-07-15, 14 July",
            "2029-06-14, METROPOLITAN_FRANCE, 2029-08-16, 15 August",
            "2027-08-31, METROPOLITAN_FRANCE, 2027-11-02, 1 November (Monday)",
            "2026-09-10, METROPOLITAN_FRANCE, 2026-11-12, 11 November",
            "2029-10-24, METROPOLITAN_FRANCE, 2029-12-26, 25 December"})
    void shouldMoveALastDayOnAPublicHolidayToTheNextWorkingDay(LocalDate notified, Residence residence,
            LocalDate lastDay, String holiday) {
        assertThat(AppealDeadline.lastDay(notified, residence)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "notified {0}: last day {1}")
    @CsvSource({
            "2026-01-06, 2026-03-09", // Saturday 7 March
            "2026-01-07, 2026-03-09"}) // Sunday 8 March
    void shouldMoveALastDayOnAWeekendToMonday(LocalDate notified, LocalDate lastDay) {
        assertThat(AppealDeadline.lastDay(notified, Residence.METROPOLITAN_FRANCE)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "{3}: notified {0}, {1}: last day {2}")
    @CsvSource({
            "2026-03-05, OVERSEAS, 2026-06-08, 3 months: Saturday 6 June then Sunday",
            "2026-02-13, OVERSEAS, 2026-05-15, 3 months: Ascension 2026",
            "2026-01-08, ABROAD,   2026-05-11, 4 months: Saturday 9 May then Sunday",
            "2026-03-13, ABROAD,   2026-07-15, 4 months: 14 July"})
    void shouldMoveTheLastDayOfTheLongerPeriodsOverseasAndAbroadToTheNextWorkingDay(LocalDate notified,
            Residence residence, LocalDate lastDay, String why) {
        assertThat(AppealDeadline.lastDay(notified, residence)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2038-04-25", "2285-03-22"})
    void shouldFindEaster(LocalDate easter) {
        assertThat(FrenchPublicHolidays.easterSunday(easter.getYear())).isEqualTo(easter);
    }
}
