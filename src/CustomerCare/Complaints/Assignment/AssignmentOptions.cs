namespace CustomerCare.Complaints.Assignment;

/// <summary>Who works each channel, and how complaints are spread among them.</summary>
public sealed class AssignmentOptions
{
    /// <summary>The team members per channel, by their staff identifiers. A channel without a team leaves complaints unassigned.</summary>
    public Dictionary<ComplaintChannel, List<string>> Teams { get; set; } = [];

    /// <summary>How a member is picked. Default <see cref="AssignmentStrategy.LeastLoaded"/>.</summary>
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoaded;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="FieldValidationException">A team is malformed; every problem is listed.</exception>
    public void Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Strategy))
        {
            errors.Add(FieldErrors.Create(nameof(Strategy), Strategy.ToString(), FieldErrorCodes.Unknown, "is not an assignment strategy"));
        }

        foreach (var (channel, members) in Teams)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < members.Count; i++)
            {
                var field = $"Teams[{channel}][{i}]";
                if (Identifiers.Check(members[i], 128, field) is { } error)
                {
                    errors.Add(error);
                }
                else if (!seen.Add(members[i]))
                {
                    errors.Add(FieldErrors.Create(field, members[i], "duplicate", "is listed twice in the team"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
    }
}
