import type * as lark from '@larksuiteoapi/node-sdk';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../clock.js';
import { deliveryLogger } from './event-dispatcher.js';
import { toLegacyAnswer, verifyCardCallback } from './legacy-card.js';
import { verifyDelivery, type Delivery, type DeliverySettings } from './verify-delivery.js';

export interface FeishuRouteDeps {
  dispatcher: lark.EventDispatcher;
  settings: DeliverySettings;
  clock: Clock;
}

/**
 * POST /events (event subscription and card callbacks) and POST /card (the older card request
 * URL). Routes only verify, parse and answer: a refused delivery gets 401/400 and reaches no
 * handler; a verified one goes to the dispatcher, whose answer is the response body.
 */
export function createFeishuRouter(deps: FeishuRouteDeps): Router {
  const router = Router();

  router.post('/events', async (req, res) => {
    const delivery = verifyDelivery(req.headers, req.rawBody, deps.settings, deps.clock.now());
    await answer(deps, req, res, delivery);
  });

  router.post('/card', async (req, res) => {
    const now = deps.clock.now();
    const { delivery, legacy } = verifyCardCallback(req.headers, req.rawBody, deps.settings, now);
    await answer(deps, req, res, delivery, legacy ? toLegacyAnswer : undefined);
  });

  return router;
}

async function answer(
  deps: FeishuRouteDeps,
  req: Request,
  res: Response,
  delivery: Delivery,
  /** Reshapes the dispatcher's answer (the older card callback's). */
  reshape: (answer: unknown) => unknown = (answer) => answer,
): Promise<void> {
  if (delivery.kind === 'refused') {
    req.log.warn({ reason: delivery.error }, 'feishu delivery refused');
    res.status(delivery.status).json({ error: delivery.error, message: delivery.message });
    return;
  }
  if (delivery.kind === 'challenge') {
    res.json({ challenge: delivery.challenge });
    return;
  }

  // Every log line of this delivery, the request's own included, carries the event id.
  const { event_id: eventId, event_type: eventType } = delivery.envelope.header;
  req.log = req.log.child({ eventId, eventType });
  res.locals.logBindings = { eventId };
  const result: unknown = await deliveryLogger.run(req.log, () =>
    deps.dispatcher.invoke(delivery.envelope, { needCheck: false }),
  );
  const body = reshape(typeof result === 'object' && result !== null ? result : {});
  res.json(body);
}
