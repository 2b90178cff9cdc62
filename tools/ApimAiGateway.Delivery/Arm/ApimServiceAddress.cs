using System.Text.RegularExpressions;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// The API Management instance a command talks to. The rules are those of the ARM REST reference
/// (learn.microsoft.com/rest/api/apimanagement/policy/create-or-update): the subscription is a UUID, the resource
/// group 1-90 characters, the service name 1-50 characters starting with a letter. Checking them up front keeps
/// hostile arguments out of the request path.
/// </summary>
public sealed partial record ApimServiceAddress
{
    private ApimServiceAddress(string subscriptionId, string resourceGroup, string serviceName)
    {
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        ServiceName = serviceName;
    }

    public string SubscriptionId { get; }

    public string ResourceGroup { get; }

    public string ServiceName { get; }

    /// <summary>The service's path below the ARM endpoint; the checked characters need no escaping in a path.</summary>
    public string Path => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.ApiManagement/service/{ServiceName}";

    /// <returns>The address, or null with <paramref name="problem"/> saying which argument is wrong and why.</returns>
    public static ApimServiceAddress? TryCreate(string? subscriptionId, string? resourceGroup, string? serviceName, out string? problem)
    {
        problem = !Guid.TryParseExact(subscriptionId, "D", out _)
                ? $"--subscription '{Printable(subscriptionId)}' is not a subscription id (a UUID such as 00000000-0000-0000-0000-000000000000)"
            : resourceGroup is null || resourceGroup.Length is 0 or > 90 || !ResourceGroupPattern().IsMatch(resourceGroup) || resourceGroup.EndsWith('.')
                ? $"--resource-group '{Printable(resourceGroup)}' is not a resource group name (1-90 letters, digits, '-', '_', '.', '(', ')'; not ending in '.')"
            : serviceName is null || !ServiceNamePattern().IsMatch(serviceName)
                ? $"--service '{Printable(serviceName)}' is not an API Management service name (1-50 letters, digits and '-', starting with a letter)"
            : null;
        return problem is null ? new ApimServiceAddress(subscriptionId!, resourceGroup!, serviceName!) : null;
    }

    /// <summary>Arguments are echoed in messages.</summary>
    private static string Printable(string? value) => LogText.Of(value, 80);

    [GeneratedRegex(@"^[-\w._()]+$")]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex("^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$")]
    private static partial Regex ServiceNamePattern();
}
