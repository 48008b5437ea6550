namespace CustomerCare.Complaints.Classification;

/// <summary>A language the built-in complaint lexicons cover.</summary>
public enum ComplaintLanguage
{
    /// <summary>Turkish.</summary>
    Turkish = 0,

    /// <summary>English.</summary>
    English,
}
