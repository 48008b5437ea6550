using CustomerCare.Complaints.Assignment;
using CustomerCare.Complaints.Suspicion;
using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;

namespace CustomerCare.Policy;

/// <summary>
/// The satisfaction policy as data (seed 001: one written procedure every department applies the same way): tone,
/// promises, compensation, returns, assignment and suspicion. Bound from the <c>CustomerCare:Policy</c> configuration section
/// or read from JSON with <see cref="Json.SatisfactionPolicyJson"/>, and validated when the host starts.
/// </summary>
public sealed class SatisfactionPolicyOptions
{
    /// <summary>The tone of voice replies use. Default <see cref="ToneOfVoice.Friendly"/>.</summary>
    public ToneOfVoice Tone { get; set; } = ToneOfVoice.Friendly;

    /// <summary>
    /// The business calendar response targets count on. By default Monday to Friday 09:00–18:00 in Europe/Istanbul
    /// (used whenever <see cref="BusinessCalendarOptions.Hours"/> is empty), closed on the Turkish national and religious holidays.
    /// </summary>
    public BusinessCalendarOptions Calendar { get; set; } = new() { TurkishNationalHolidays = true, TurkishReligiousHolidays = true };

    /// <summary>The response targets per channel and priority, over <see cref="SlaTargetTable.Default"/>.</summary>
    public SlaPolicyOptions Sla { get; set; } = new();

    /// <summary>How broken delivery promises are detected.</summary>
    public PromiseOptions Promises { get; set; } = new();

    /// <summary>What each broken promise earns, and the caps.</summary>
    public CompensationOptions Compensation { get; set; } = new();

    /// <summary>Return, exchange and warranty rules.</summary>
    public Returns.ReturnPolicyOptions Returns { get; set; } = new();

    /// <summary>Who works each channel.</summary>
    public AssignmentOptions Assignment { get; set; } = new();

    /// <summary>When a complaint is flagged as suspicious.</summary>
    public SuspicionOptions Suspicion { get; set; } = new();

    /// <summary>Checks every section.</summary>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed, its field prefixed with the section, such as <c>Compensation.Caps.Period</c>.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Tone))
        {
            errors.Add(FieldErrors.Create(nameof(Tone), Tone.ToString(), FieldErrorCodes.Unknown, "is not a tone of voice: Formal, Friendly or Witty"));
        }

        BusinessCalendar? calendar = null;
        Section(errors, nameof(Calendar), Calendar, c => calendar = BusinessCalendar.FromOptions(WithDefaultHours(c)));
        if (calendar is not null)
        {
            Section(errors, nameof(Sla), Sla, sla => SlaPolicy.FromOptions(sla, calendar));
        }

        Section(errors, nameof(Promises), Promises, p => p.Validate());
        Section(errors, nameof(Compensation), Compensation, c => c.Validate());
        Section(errors, nameof(Returns), Returns, r => r.Validate());
        Section(errors, nameof(Assignment), Assignment, a => a.Validate());
        Section(errors, nameof(Suspicion), Suspicion, s => s.Validate());
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }

    /// <summary>Builds the response-target policy on the business calendar.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="FieldValidationException">The calendar or the targets are invalid.</exception>
    public SlaPolicy BuildSla()
    {
        var calendar = Calendar ?? throw FieldValidationException.For(nameof(Calendar), null, FieldErrorCodes.Required, "is missing");
        return SlaPolicy.FromOptions(Sla ?? new SlaPolicyOptions(), BusinessCalendar.FromOptions(WithDefaultHours(calendar)));
    }

    /// <summary>The calendar as configured, with Monday to Friday 09:00–18:00 when it lists no hours.</summary>
    private static BusinessCalendarOptions WithDefaultHours(BusinessCalendarOptions calendar) =>
        calendar.Hours is { Count: > 0 }
            ? calendar
            : new BusinessCalendarOptions
            {
                Id = calendar.Id,
                TimeZone = calendar.TimeZone,
                Hours = [new OpeningHoursOptions { Days = "Mon-Fri", Slots = ["09:00-18:00"] }],
                TurkishNationalHolidays = calendar.TurkishNationalHolidays,
                TurkishReligiousHolidays = calendar.TurkishReligiousHolidays,
                Holidays = calendar.Holidays,
            };

    private static void Section<T>(List<FieldError> errors, string name, T? section, Action<T> validate)
        where T : class
    {
        if (section is null)
        {
            errors.Add(FieldErrors.Create(name, null, FieldErrorCodes.Required, "is missing"));
            return;
        }

        try
        {
            validate(section);
        }
        catch (FieldValidationException invalid)
        {
            errors.AddRange(invalid.Errors.Select(e => FieldErrors.WithPrefix(e, name)));
        }
    }
}
