using CustomerCare.Complaints;
using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>Turns <see cref="SlaPolicyOptions"/> into a policy, collecting every refused value with its field.</summary>
internal static class SlaPolicyOptionsReader
{
    public static SlaPolicy Read(SlaPolicyOptions options, BusinessCalendar businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(businessCalendar);
        var errors = new List<FieldError>();
        if (options.WarningShare is { } share && !(share > 0 && share < 1))
        {
            errors.Add(FieldErrors.Create("warning_share", share.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "is not above 0 and below 1"));
        }

        var factors = new Dictionary<ComplaintPriority, double>();
        foreach (var (name, factor) in options.PriorityFactors ?? new Dictionary<string, double>())
        {
            var field = "priority_factors." + name;
            if (!TryParsePriority(name, out var priority))
            {
                errors.Add(FieldErrors.Create(field, name, FieldErrorCodes.Unknown, "is not a priority (Low, Normal, High, Urgent)"));
            }
            else if (!(factor > 0 && factor <= 100))
            {
                errors.Add(FieldErrors.Create(field, factor.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "is not above 0 and at most 100"));
            }
            else
            {
                factors[priority] = factor;
            }
        }

        double Factor(ComplaintPriority p) => factors.TryGetValue(p, out var f) ? f : SlaTargetTable.DefaultPriorityFactor(p);
        var table = factors.Count == 0 ? SlaTargetTable.Default : SlaTargetTable.BuildDefault(Factor);
        foreach (var (name, channelOptions) in options.Channels ?? new Dictionary<string, SlaChannelOptions>())
        {
            var prefix = "channels." + name;
            if (!TryParseChannel(name, out var channel))
            {
                errors.Add(FieldErrors.Create(prefix, name, FieldErrorCodes.Unknown, "is not a channel (ContactForm, Email, Phone, LiveChat, Twitter or X, Facebook, ComplaintSite)"));
                continue;
            }

            if (channelOptions is null)
            {
                continue;
            }

            table = ApplyChannel(table, channel, channelOptions, prefix, Factor, errors);
        }

        return errors.Count > 0 ? throw new FieldValidationException(errors) : new SlaPolicy(table, businessCalendar, options.WarningShare);
    }

    private static SlaTargetTable ApplyChannel(SlaTargetTable table, ComplaintChannel channel, SlaChannelOptions options, string prefix, Func<ComplaintPriority, double> factor, List<FieldError> errors)
    {
        if (!string.IsNullOrWhiteSpace(options.Basis))
        {
            if (Enum.TryParse<SlaTimeBasis>(options.Basis.Trim(), ignoreCase: true, out var basis) && Enum.IsDefined(basis) && !char.IsDigit(options.Basis.Trim()[0]))
            {
                table = table.WithBasis(channel, basis);
            }
            else
            {
                errors.Add(FieldErrors.Create(prefix + ".basis", options.Basis, FieldErrorCodes.Unknown, "is not BusinessHours or AroundTheClock"));
            }
        }

        foreach (var (metric, text, field) in Targets(options.FirstResponse, options.NextResponse, options.Resolution, prefix))
        {
            if (ReadTarget(text, field, errors, out var normal))
            {
                table = table.WithTargets(channel, metric, normal, factor);
            }
        }

        foreach (var (name, targets) in options.Priorities ?? new Dictionary<string, SlaTargetsOptions>())
        {
            var priorityPrefix = prefix + ".priorities." + name;
            if (!TryParsePriority(name, out var priority))
            {
                errors.Add(FieldErrors.Create(priorityPrefix, name, FieldErrorCodes.Unknown, "is not a priority (Low, Normal, High, Urgent)"));
                continue;
            }

            if (targets is null)
            {
                continue;
            }

            foreach (var (metric, text, field) in Targets(targets.FirstResponse, targets.NextResponse, targets.Resolution, priorityPrefix))
            {
                if (ReadTarget(text, field, errors, out var target))
                {
                    table = table.WithTarget(channel, priority, metric, target);
                }
            }
        }

        return table;
    }

    private static IEnumerable<(SlaMetric Metric, string? Text, string Field)> Targets(string? first, string? next, string? resolution, string prefix)
    {
        yield return (SlaMetric.FirstResponse, first, prefix + ".first_response");
        yield return (SlaMetric.NextResponse, next, prefix + ".next_response");
        yield return (SlaMetric.Resolution, resolution, prefix + ".resolution");
    }

    /// <summary>Reads a target; <see langword="false"/> when it is absent (keep the default) or refused.</summary>
    private static bool ReadTarget(string? text, string field, List<FieldError> errors, out Duration? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (SlaDurationText.TryParse(text, out target))
        {
            return true;
        }

        errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a positive duration such as 30m, 1h30m, PT1H, or none"));
        return false;
    }

    private static bool TryParseChannel(string name, out ComplaintChannel channel)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("X", StringComparison.OrdinalIgnoreCase))
        {
            channel = ComplaintChannel.Twitter;
            return true;
        }

        return TryParseName(trimmed, out channel);
    }

    private static bool TryParsePriority(string name, out ComplaintPriority priority) => TryParseName(name.Trim(), out priority);

    private static bool TryParseName<T>(string name, out T value)
        where T : struct, Enum =>
        Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value) && name.Length > 0 && !char.IsDigit(name[0]) && name[0] != '-';
}
