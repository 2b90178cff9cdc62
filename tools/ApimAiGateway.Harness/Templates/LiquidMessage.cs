namespace ApimAiGateway.Harness.Templates;

/// <summary>Whose body the template's <c>body</c> binds to: the request (inbound, backend) or the response (outbound, on-error).</summary>
public enum LiquidMessage
{
    Request,
    Response,
}
