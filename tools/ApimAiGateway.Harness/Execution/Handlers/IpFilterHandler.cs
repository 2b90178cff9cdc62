using System.Net;
using System.Net.Sockets;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// ip-filter (apim-reference §4.24): with action allow only the listed addresses and inclusive ranges may call,
/// with forbid they may not. The caller is <c>context.Request.IpAddress</c>. A refusal is a 403 with the predefined
/// reason CallerIpNotAllowed or CallerIpBlocked; an address that cannot be read fails with FailedToParseCallerIP.
/// </summary>
public sealed class IpFilterHandler : IPolicyHandler
{
    public string PolicyName => "ip-filter";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "action", "allow"),
        element.ElementsNamed("address").Select(a => binder.Text<string?>(a, string.Empty)).ToList(),
        element.ElementsNamed("address-range")
            .Select(r => (binder.Attribute<string?>(r, "from", string.Empty), binder.Attribute<string?>(r, "to", string.Empty)))
            .ToList());

    private sealed class Step(
        BoundValue<string> action,
        IReadOnlyList<BoundValue<string?>> addresses,
        IReadOnlyList<(BoundValue<string?> From, BoundValue<string?> To)> ranges) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var callerText = context.Request.IpAddress;
            if (Parse(callerText) is not { } caller)
            {
                throw new PolicyException("ip-filter", "FailedToParseCallerIP", "Failed to establish IP address for the caller. Access denied.", 403);
            }

            var listed = addresses.Any(a => Parse(a.Evaluate(context)) is { } address && Compare(caller, address) == 0)
                         || ranges.Any(r => InRange(caller, Parse(r.From.Evaluate(context)), Parse(r.To.Evaluate(context))));
            var mode = action.Evaluate(context).Trim().ToLowerInvariant();
            switch (mode)
            {
                case "allow" when !listed:
                    throw new PolicyException("ip-filter", "CallerIpNotAllowed", $"Caller IP address {callerText} is not allowed. Access denied.", 403);
                case "forbid" when listed:
                    throw new PolicyException("ip-filter", "CallerIpBlocked", "Caller IP address is blocked. Access denied.", 403);
                case "allow" or "forbid":
                    context.Note($"caller {callerText} {(listed ? "listed" : "not listed")}; {mode} lets it through");
                    return ValueTask.CompletedTask;
                default:
                    throw new PolicyException("ip-filter", "InvalidAction", $"'{mode}' is not an ip-filter action; use allow or forbid.");
            }
        }

        /// <summary>IPv4-mapped IPv6 addresses count as the IPv4 address they carry, so one list covers both forms.</summary>
        private static IPAddress? Parse(string? text) =>
            IPAddress.TryParse(text?.Trim(), out var address) ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) : null;

        private static bool InRange(IPAddress caller, IPAddress? from, IPAddress? to) =>
            from is not null && to is not null && from.AddressFamily == caller.AddressFamily && to.AddressFamily == caller.AddressFamily
            && Compare(from, caller) <= 0 && Compare(caller, to) <= 0;

        /// <summary>Orders addresses of one family by their bytes; addresses of different families never match.</summary>
        private static int Compare(IPAddress left, IPAddress right)
        {
            if (left.AddressFamily != right.AddressFamily)
            {
                return left.AddressFamily == AddressFamily.InterNetwork ? -1 : 1;
            }

            return left.GetAddressBytes().AsSpan().SequenceCompareTo(right.GetAddressBytes());
        }
    }
}
