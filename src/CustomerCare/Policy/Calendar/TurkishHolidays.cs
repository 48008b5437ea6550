using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// Turkey's official holidays (Law 2429 on national holidays and general holidays): the fixed-date national holidays,
/// which are the same every year, and the religious bayrams, whose dates move with the Hijri calendar.
/// </summary>
/// <remarks>
/// <para>
/// Half days start at 13:00 (<see cref="HalfDayClosesAt"/>): the afternoon of 28 October and the arife (eve) of each
/// bayram. Law 2429 gives them to the public sector; a private business that works on them can leave the list out or
/// supply its own.
/// </para>
/// <para>
/// Religious dates are those of the Presidency of Religious Affairs (Diyanet) calendar, which announces them years ahead.
/// <see cref="Religious"/> covers <see cref="FirstReligiousYear"/>–<see cref="LastReligiousYear"/> only; for later years
/// supply the dates yourself (<see cref="Bayram"/> builds a bayram with its arife). Extra days the government adds
/// (idari izin, bridge days) are not in any list: add them as closed dates.
/// </para>
/// </remarks>
public static class TurkishHolidays
{
    /// <summary>The first year <see cref="Religious"/> covers.</summary>
    public const int FirstReligiousYear = 2025;

    /// <summary>The last year <see cref="Religious"/> covers.</summary>
    public const int LastReligiousYear = 2030;

    /// <summary>The local time a Turkish half-day holiday starts: 13:00.</summary>
    public static LocalTime HalfDayClosesAt { get; } = new(13, 0);

    /// <summary>
    /// The fixed-date national holidays: 1 January, 23 April, 1 May (since 2009), 19 May, 15 July (since 2017),
    /// 30 August, 28 October from 13:00, and 29 October.
    /// </summary>
    public static IReadOnlyList<AnnualHoliday> National { get; } =
    [
        new(new AnnualDate(1, 1), "Yılbaşı"),
        new(new AnnualDate(4, 23), "Ulusal Egemenlik ve Çocuk Bayramı"),
        new(new AnnualDate(5, 1), "Emek ve Dayanışma Günü", FirstYear: 2009),
        new(new AnnualDate(5, 19), "Atatürk'ü Anma, Gençlik ve Spor Bayramı"),
        new(new AnnualDate(7, 15), "Demokrasi ve Millî Birlik Günü", FirstYear: 2017),
        new(new AnnualDate(8, 30), "Zafer Bayramı"),
        new(new AnnualDate(10, 28), "Cumhuriyet Bayramı arifesi", new LocalTime(13, 0)),
        new(new AnnualDate(10, 29), "Cumhuriyet Bayramı"),
    ];

    /// <summary>
    /// Ramazan Bayramı (3 days) and Kurban Bayramı (4 days) from <see cref="FirstReligiousYear"/> to
    /// <see cref="LastReligiousYear"/>, each with its arife closed from 13:00, ordered by date.
    /// </summary>
    /// <remarks>
    /// First days: Ramazan 2025-03-30, 2026-03-20, 2027-03-09, 2028-02-26, 2029-02-14, 2030-02-04; Kurban 2025-06-06,
    /// 2026-05-27, 2027-05-16, 2028-05-05, 2029-04-24, 2030-04-13 (Diyanet; a test checks them against the Umm al-Qura
    /// calendar). The 2029 Kurban arife falls on 23 April, a full national holiday: a calendar keeps the whole day closed.
    /// </remarks>
    public static IReadOnlyList<Holiday> Religious { get; } = BuildReligious();

    /// <summary>A bayram: its arife closed from 13:00, then its days.</summary>
    /// <param name="name">The bayram's name, such as <c>Kurban Bayramı</c>.</param>
    /// <param name="firstDay">The first day of the bayram (the arife is the day before).</param>
    /// <param name="days">How many days it lasts: 3 for Ramazan Bayramı, 4 for Kurban Bayramı.</param>
    /// <returns>The arife and the days, in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not 1 to 10.</exception>
    public static IReadOnlyList<Holiday> Bayram(string name, LocalDate firstDay, int days)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 10);
        var holidays = new List<Holiday>(days + 1) { new(firstDay.PlusDays(-1), name + " arifesi", HalfDayClosesAt) };
        for (var day = 0; day < days; day++)
        {
            holidays.Add(new Holiday(firstDay.PlusDays(day), name + " " + (day + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". gün"));
        }

        return holidays;
    }

    private static Holiday[] BuildReligious()
    {
        (int Year, int Month, int Day)[] ramazan = [(2025, 3, 30), (2026, 3, 20), (2027, 3, 9), (2028, 2, 26), (2029, 2, 14), (2030, 2, 4)];
        (int Year, int Month, int Day)[] kurban = [(2025, 6, 6), (2026, 5, 27), (2027, 5, 16), (2028, 5, 5), (2029, 4, 24), (2030, 4, 13)];
        return ramazan.SelectMany(d => Bayram("Ramazan Bayramı", new LocalDate(d.Year, d.Month, d.Day), 3))
            .Concat(kurban.SelectMany(d => Bayram("Kurban Bayramı", new LocalDate(d.Year, d.Month, d.Day), 4)))
            .OrderBy(h => h.Date)
            .ToArray();
    }
}
