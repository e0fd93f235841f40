using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SolarEvents.Application.Identity.ResettingPassword;

/// <summary>
/// Takes reset requests off the request path: the API answers at once, the same way and in the same time, whether
/// or not the address is a customer's. A request lost in a crash costs the customer a second click, nothing more.
/// </summary>
public sealed class PasswordResetRequests(PasswordReset reset, ILogger<PasswordResetRequests> logger) : BackgroundService
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(string email)
    {
        if (!_requests.Writer.TryWrite(email)) logger.LogWarning("Password reset requests arrive faster than they are handled; one was dropped");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await reset.RequestAsync(email, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("A password reset request failed ({Failure})", e.GetType().Name);
            }
        }
    }
}
