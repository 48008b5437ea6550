using CustomerCare.Policy;
using CustomerCare.Policy.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare;

/// <summary>Sets the satisfaction policy from code or from a JSON file.</summary>
public static class PolicyBuilderExtensions
{
    /// <summary>Uses a policy; it replaces whatever configuration bound.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">The policy is invalid.</exception>
    public static ICustomerCareBuilder UsePolicy(this ICustomerCareBuilder builder, SatisfactionPolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        builder.Services.Configure<CustomerCareOptions>(options => options.Policy = policy);
        return builder;
    }

    /// <summary>Reads the policy from a JSON file now, so a broken file fails at registration with its line and column.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The JSON file; see <c>docs/satisfaction-policy.md</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">The file is malformed or the policy invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ICustomerCareBuilder UsePolicyFile(this ICustomerCareBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Registration is synchronous; reading one small file once at start is the accepted cost.
        var policy = SatisfactionPolicyJson.LoadAsync(path).AsTask().GetAwaiter().GetResult();
        return builder.UsePolicy(policy);
    }
}
