namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// How a quota's fixed windows are laid out in time. Two kinds exist in APIM:
/// <list type="bullet">
/// <item>a length in seconds anchored at an instant (<see cref="Renewing"/>): quota aligns its windows to the
/// subscription's start, quota-by-key to <c>first-period-start</c>, default <see cref="DefaultFirstPeriodStart"/>;
/// a length of zero never renews (apim-reference §4.21/§4.22);</item>
/// <item>calendar periods of the token quotas (<see cref="Calendar(CalendarPeriod)"/>, §4.31).</item>
/// </list>
/// The llm-token-limit and azure-openai-token-limit pages name the calendar periods but say neither the time zone
/// nor the first day of a week. Assumed here: windows start at UTC boundaries and weeks start on Monday 00:00 UTC
/// (ISO 8601), which is also what Microsoft's policy toolkit emulator does (TokenLimitCounterStore). Tests pin it.
/// </summary>
public readonly record struct QuotaPeriod
{
    /// <summary>quota-by-key's default <c>first-period-start</c>, 0001-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultFirstPeriodStart = DateTimeOffset.MinValue;

    private QuotaPeriod(CalendarPeriod? calendar, TimeSpan length, DateTimeOffset anchor)
    {
        CalendarUnit = calendar;
        Length = length;
        Anchor = anchor;
    }

    /// <summary>A quota counted once and never renewed (<c>renewal-period="0"</c>).</summary>
    public static QuotaPeriod Never { get; } = new(null, TimeSpan.Zero, DefaultFirstPeriodStart);

    /// <summary>The calendar unit, for calendar periods.</summary>
    public CalendarPeriod? CalendarUnit { get; }

    /// <summary>The window length, for anchored periods; zero when the period is a calendar one or never renews.</summary>
    public TimeSpan Length { get; }

    /// <summary>The instant one window starts at, for anchored periods.</summary>
    public DateTimeOffset Anchor { get; }

    public bool Renews => CalendarUnit is not null || Length > TimeSpan.Zero;

    /// <summary>Windows of <paramref name="length"/> aligned to <paramref name="anchor"/>; a length of zero or less never renews.</summary>
    public static QuotaPeriod Renewing(TimeSpan length, DateTimeOffset anchor) =>
        length > TimeSpan.Zero ? new(null, length, anchor) : Never;

    public static QuotaPeriod Calendar(CalendarPeriod unit) => new(unit, TimeSpan.Zero, DefaultFirstPeriodStart);

    public QuotaWindow WindowAt(DateTimeOffset now)
    {
        var (start, end) = WindowTicksAt(now.UtcTicks);
        return new QuotaWindow(
            new DateTimeOffset(start, TimeSpan.Zero),
            end == long.MaxValue ? null : new DateTimeOffset(end, TimeSpan.Zero));
    }

    /// <summary>The window holding <paramref name="nowTicks"/> as UTC ticks; an end of <see cref="long.MaxValue"/> means none.</summary>
    internal (long Start, long End) WindowTicksAt(long nowTicks)
    {
        if (CalendarUnit is { } unit)
        {
            return CalendarWindow(unit, new DateTime(nowTicks, DateTimeKind.Utc));
        }

        if (Length <= TimeSpan.Zero)
        {
            return (DateTimeOffset.MinValue.UtcTicks, long.MaxValue);
        }

        var anchor = Anchor.UtcTicks;
        var index = Math.DivRem(nowTicks - anchor, Length.Ticks, out var remainder);
        if (remainder < 0)
        {
            index--;
        }

        var start = anchor + (index * Length.Ticks);
        var end = start > DateTime.MaxValue.Ticks - Length.Ticks ? long.MaxValue : start + Length.Ticks;
        return (start, end);
    }

    private static (long Start, long End) CalendarWindow(CalendarPeriod unit, DateTime now)
    {
        var start = unit switch
        {
            CalendarPeriod.Hourly => new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc),
            CalendarPeriod.Daily => now.Date,
            CalendarPeriod.Weekly => now.Date.AddDays(-(((int)now.DayOfWeek + 6) % 7)),
            CalendarPeriod.Monthly => new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };

        var end = unit switch
        {
            CalendarPeriod.Hourly => start.AddHours(1),
            CalendarPeriod.Daily => start.AddDays(1),
            CalendarPeriod.Weekly => start.AddDays(7),
            CalendarPeriod.Monthly => start.AddMonths(1),
            _ => start.AddYears(1),
        };

        return (start.Ticks, end.Ticks);
    }
}
