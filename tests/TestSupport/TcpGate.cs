using System.Net;
using System.Net.Sockets;

namespace SolarEvents.TestSupport;

/// <summary>
/// A loopback TCP forwarder to a server, that a test can close (dropping every connection and refusing new
/// ones) and open again: a database outage for one client, without stopping a server other tests share.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopped = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private volatile bool _open = true;
    private int _refused;

    public TcpGate(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connection attempts turned away while closed: proof that a client tried during the outage.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void Close()
    {
        _open = false;
        lock (_connections)
        {
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    public void Open() => _open = true;

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopped.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!_open)
            {
                Interlocked.Increment(ref _refused);
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stopped.Token);
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            var toServer = client.GetStream().CopyToAsync(server.GetStream(), _stopped.Token);
            var toClient = server.GetStream().CopyToAsync(client.GetStream(), _stopped.Token);
            await Task.WhenAny(toServer, toClient);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The gate closed or a side hung up: the connection simply ends, as in a real outage.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Stop();
        Close();
        await _accepting;
        _stopped.Dispose();
    }
}
