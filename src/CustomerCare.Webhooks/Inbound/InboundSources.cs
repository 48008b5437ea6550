namespace CustomerCare.Webhooks;

/// <summary>The inbound sources the <see cref="InboundWebhookHandler"/> knows, by the name a host routes to.</summary>
public static class InboundSources
{
    /// <summary><c>form</c>: the web site's contact form, form-urlencoded or JSON (route <c>/inbound/form</c>).</summary>
    public const string ContactForm = "form";

    /// <summary><c>x</c>: an X (Twitter) mention, API v2-shaped JSON (route <c>/inbound/social/x</c>).</summary>
    public const string X = "x";

    /// <summary><c>facebook</c>: Facebook page feed changes, Graph webhook-shaped JSON (route <c>/inbound/social/facebook</c>).</summary>
    public const string Facebook = "facebook";

    /// <summary><c>complaint-site</c>: a complaint-site post, Şikayetvar-shaped JSON (route <c>/inbound/complaint-site</c>).</summary>
    public const string ComplaintSite = "complaint-site";

    /// <summary>Every source, in route order.</summary>
    public static IReadOnlyList<string> All { get; } = [ContactForm, X, Facebook, ComplaintSite];
}
