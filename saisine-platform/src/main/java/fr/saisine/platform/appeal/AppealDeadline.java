package fr.saisine.platform.appeal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import fr.saisine.events.Residence;

/**
 * The last day to challenge the authority's decision before the Conseil d'État (DESIGN.md,
 * "Letters to the complainant"): two months from notification, one more for a complainant living
 * overseas, two more abroad. A <em>délai franc</em>: neither the day of notification nor the day
 * the period ends counts, so the last day is the day after; a last day that is a Saturday, a
 * Sunday or a French public holiday moves to the next working day. Shared: notification writes it in
 * the closing letter, intake keeps the follow-up link open until it has passed.
 */
public final class AppealDeadline {

    private AppealDeadline() {
    }

    /** The last day an appeal can be lodged, included. */
    public static LocalDate lastDay(LocalDate notifiedOn, Residence residence) {
        // plusMonths keeps the day of the month, or takes the month's last day when it has none
        // (31 December + 2 months = 28 or 29 February), as the French courts count months
        LocalDate periodEnds = notifiedOn.plusMonths(months(residence));
        LocalDate last = periodEnds.plusDays(1);
        while (!isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** The length of the period in months: 2, 3 overseas, 4 abroad. */
    public static int months(Residence residence) {
        return switch (residence == null ? Residence.METROPOLITAN_FRANCE : residence) {
            case METROPOLITAN_FRANCE -> 2;
            case OVERSEAS -> 3;
            case ABROAD -> 4;
        };
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !FrenchPublicHolidays.isHoliday(day);
    }
}
