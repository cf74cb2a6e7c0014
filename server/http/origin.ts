/** The same-origin test lives with what both the HTTP app and the socket upgrade share (server/sameOrigin.ts). */
export { isForeignOrigin } from '../sameOrigin.ts';
