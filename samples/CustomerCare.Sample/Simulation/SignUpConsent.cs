using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Sample.Simulation;

/// <summary>
/// The consents a simulated shopper gives by ticking the box at sign-up: marketing by e-mail and SMS, and surveys by
/// e-mail, recorded through the consent ledger at the sign-up instant.
/// </summary>
internal static class SignUpConsent
{
    /// <summary>The version of the consent text the simulated sign-up form shows.</summary>
    public const string PolicyVersion = "2026-01";

    /// <summary>The grants; their ids are stable, so a repeated or updated registration records nothing new.</summary>
    public static IReadOnlyList<ConsentRecord> Grants(Customer profile) =>
    [
        Grant(profile, ConsentPurpose.Marketing, ConsentChannel.Email),
        Grant(profile, ConsentPurpose.Marketing, ConsentChannel.Sms),
        Grant(profile, ConsentPurpose.Surveys, ConsentChannel.Email),
    ];

    private static ConsentRecord Grant(Customer profile, ConsentPurpose purpose, ConsentChannel channel) =>
        new($"signup:{profile.Id.Value}:{purpose}:{channel}".ToLowerInvariant(), profile.Id, purpose, channel, ConsentAction.Grant, ConsentSource.WebForm, profile.SignedUpAt, PolicyVersion, "sign-up form checkbox");
}
