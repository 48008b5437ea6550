using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare;

/// <summary>Returned by <c>AddCustomerCare</c>; plugins add themselves with extension methods on it.</summary>
public interface ICustomerCareBuilder
{
    /// <summary>The service collection the library is registered in.</summary>
    IServiceCollection Services { get; }
}
