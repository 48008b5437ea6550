using CustomerCare.Privacy.Consent;

namespace CustomerCare.Tests.Support;

/// <summary>Consent snapshots for test customers, in place of the old accepts-marketing flag.</summary>
internal static class TestConsents
{
    /// <summary>Marketing on e-mail (what campaigns ask for by default), or nothing.</summary>
    public static ConsentState Marketing(bool granted) =>
        granted ? ConsentState.None.With(ConsentPurpose.Marketing, ConsentChannel.Email, granted: true) : ConsentState.None;

    /// <summary>Surveys on e-mail (what survey sending asks for), or nothing.</summary>
    public static ConsentState Surveys(bool granted) =>
        granted ? ConsentState.None.With(ConsentPurpose.Surveys, ConsentChannel.Email, granted: true) : ConsentState.None;
}
