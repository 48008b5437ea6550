namespace CustomerCare.Privacy.Breach;

/// <summary>What the breach notice tells customers in one language (the values of the <c>BreachNotice</c> template).</summary>
/// <param name="DataCategories">The kinds of data affected, in words (<c>E-posta adresi</c>).</param>
/// <param name="Consequences">What could follow from it for the customer.</param>
/// <param name="ActionsTaken">What the company did about it.</param>
/// <param name="CustomerSteps">What the customer should do.</param>
/// <param name="ContactEmail">Where to ask, such as the data protection officer's address.</param>
public sealed record BreachNoticeText(IReadOnlyList<string> DataCategories, string Consequences, IReadOnlyList<string> ActionsTaken, IReadOnlyList<string> CustomerSteps, string ContactEmail);
