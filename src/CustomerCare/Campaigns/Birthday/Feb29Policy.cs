namespace CustomerCare.Campaigns.Birthday;

/// <summary>Which day a 29 February birthday falls on in a year without one.</summary>
public enum Feb29Policy
{
    /// <summary>28 February, NodaTime's <c>AnnualDate.InYear</c> rule: the birthday stays in February.</summary>
    February28 = 0,

    /// <summary>1 March: the day after 28 February, as some jurisdictions count coming of age.</summary>
    March1,
}
